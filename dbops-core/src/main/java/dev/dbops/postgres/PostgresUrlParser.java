package dev.dbops.postgres;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the two accepted URL forms into a {@link PostgresUrl}, and masks URL text for messages. */
final class PostgresUrlParser {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    private static final String[] URI_PREFIXES = {"postgresql://", "postgres://"};

    /** {@code scheme://user:password@} — the password part, up to the last {@code @}. */
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(://[^:/?#@]*:).*@");
    /** {@code password=…}, {@code sslpassword=…} and the like in a query string. */
    private static final Pattern QUERY_PASSWORD =
            Pattern.compile("([?&;][^=&]*password=)[^&]*", Pattern.CASE_INSENSITIVE);

    private PostgresUrlParser() {
    }

    static PostgresUrl parse(String input) {
        String text = input.strip();
        String rest;
        if (startsWithIgnoreCase(text, JDBC_PREFIX)) {
            rest = text.substring(JDBC_PREFIX.length());
            if (!rest.startsWith("//")) {
                // jdbc:postgresql:database — the driver's short form for localhost:5432.
                rest = "///" + rest;
            }
            rest = rest.substring(2);
        } else {
            rest = null;
            for (String prefix : URI_PREFIXES) {
                if (startsWithIgnoreCase(text, prefix)) {
                    rest = text.substring(prefix.length());
                }
            }
            if (rest == null) {
                throw invalid(input, "it is not a PostgreSQL URL");
            }
        }
        return parseAfterScheme(input, rest);
    }

    private static PostgresUrl parseAfterScheme(String input, String rest) {
        int questionMark = rest.indexOf('?');
        String query = questionMark >= 0 ? rest.substring(questionMark + 1) : "";
        String main = questionMark >= 0 ? rest.substring(0, questionMark) : rest;
        // The last '@' ends the user info, so a '/' typed unencoded in a password stays in it.
        int at = main.lastIndexOf('@');
        String userInfo = at >= 0 ? main.substring(0, at) : "";
        String afterUserInfo = main.substring(at + 1);
        int slash = afterUserInfo.indexOf('/');
        String hostAndPort = slash >= 0 ? afterUserInfo.substring(0, slash) : afterUserInfo;
        String path = slash >= 0 ? afterUserInfo.substring(slash + 1) : "";

        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (!userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String rawUser = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
            user = Optional.of(decode(input, rawUser)).filter(u -> !u.isEmpty());
            if (colon >= 0) {
                password = Optional.of(decode(input, userInfo.substring(colon + 1)));
            }
        }

        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(input, equals >= 0 ? pair.substring(0, equals) : pair);
            String value = equals >= 0 ? decode(input, pair.substring(equals + 1)) : "";
            switch (key.toLowerCase(Locale.ROOT)) {
                case "user" -> {
                    if (user.isPresent()) {
                        throw invalid(input, "it gives the user twice, before the host and as ?user=");
                    }
                    user = Optional.of(value).filter(u -> !u.isEmpty());
                }
                case "password" -> {
                    if (password.isPresent()) {
                        throw invalid(input, "it gives the password twice, before the host and as ?password=");
                    }
                    password = Optional.of(value);
                }
                default -> {
                    if (parameters.putIfAbsent(key, value) != null) {
                        throw invalid(input, "it gives the parameter '" + key + "' twice");
                    }
                }
            }
        }

        String host;
        int port = PostgresUrl.DEFAULT_PORT;
        String portText = "";
        if (hostAndPort.contains(",")) {
            throw invalid(input, "it names several hosts, which dbops does not support");
        }
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            if (close < 0) {
                throw invalid(input, "the IPv6 address has no closing ']'");
            }
            host = hostAndPort.substring(1, close);
            String after = hostAndPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw invalid(input, "unexpected text after the IPv6 address");
                }
                portText = after.substring(1);
            }
        } else {
            int colon = hostAndPort.indexOf(':');
            if (colon >= 0 && hostAndPort.indexOf(':', colon + 1) >= 0) {
                throw invalid(input, "an IPv6 address must be written in brackets, like [::1]");
            }
            host = colon >= 0 ? hostAndPort.substring(0, colon) : hostAndPort;
            portText = colon >= 0 ? hostAndPort.substring(colon + 1) : "";
            host = decode(input, host);
        }
        if (host.isEmpty()) {
            host = "localhost";
        }
        if (!portText.isEmpty()) {
            port = parsePort(input, portText);
        }

        String database = decode(input, path);
        if (database.isEmpty()) {
            throw invalid(input, "it names no database; add /<database> after the host and port");
        }
        return new PostgresUrl(host, port, database, user, password, parameters);
    }

    private static int parsePort(String input, String text) {
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9') || text.length() > 5) {
            throw invalid(input, "the port '" + text + "' is not a number");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65_535) {
            throw invalid(input, "the port " + port + " is outside 1–65535");
        }
        return port;
    }

    /** Percent-decodes UTF-8; a {@code +} stays a plus sign. */
    static String decode(String input, String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw invalid(input, "it contains '%' not followed by two hex digits; write a literal % as %25");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid(input, "a percent-encoded part is not valid UTF-8");
        }
    }

    /** Percent-encodes everything except RFC 3986 unreserved characters, as UTF-8. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /**
     * The raw text of a URL with anything that may be a password replaced by {@code ***}; used for
     * input that could not be parsed. Over-masking is fine, leaking is not.
     */
    static String maskText(String text) {
        String masked = USERINFO_PASSWORD.matcher(text).replaceAll("$1***@");
        return QUERY_PASSWORD.matcher(masked).replaceAll("$1***");
    }

    static DbopsException invalid(String input, String problem) {
        return new DbopsException(ErrorCode.INVALID_URL, "Cannot read the database URL '" + maskText(input.strip())
                + "': " + problem + ". Accepted forms: " + PostgresUrl.ACCEPTED_FORMS + ".");
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}

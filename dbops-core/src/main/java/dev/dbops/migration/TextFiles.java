package dev.dbops.migration;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Turns the bytes of a script into text the way Flyway reads it. */
final class TextFiles {

    private TextFiles() {
    }

    /**
     * Decodes the bytes, dropping a leading byte order mark; bytes that are invalid in the charset become
     * U+FFFD, as with Flyway's reader.
     */
    static String decode(byte[] bytes, Charset charset) {
        return decodeText(bytes, charset);
    }

    /**
     * Decodes a migration script like {@link #decode(byte[], Charset)}, and reports a byte that is invalid
     * in the charset as a problem naming its line: the tool would run the script with U+FFFD in its place.
     */
    static String decode(byte[] bytes, Charset charset, String location, List<MigrationProblem> problems) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length + 1), true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            problems.add(MigrationProblem.at(location, line, "is not " + charset.name() + " text (invalid byte 0x"
                    + String.format("%02X", bytes[offset] & 0xFF) + "); save the file as " + charset.name()
                    + (charset.equals(StandardCharsets.UTF_8)
                            ? " or give its encoding in a .sql.conf file (encoding=…)" : "")));
        }
        return decodeText(bytes, charset);
    }

    private static String decodeText(byte[] bytes, Charset charset) {
        String text = new String(bytes, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}

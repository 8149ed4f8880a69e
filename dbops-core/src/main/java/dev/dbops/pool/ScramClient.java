package dev.dbops.pool;

import dev.dbops.pool.AdminConsole.ConsoleException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The client side of SCRAM-SHA-256 (RFC 5802, RFC 7677) without channel binding, as libpq does it. */
final class ScramClient {
    private final String password;
    private final String clientNonce;
    private String authMessage;
    private byte[] saltedPassword;

    ScramClient(String password) {
        this.password = password;
        byte[] nonce = new byte[18];
        new SecureRandom().nextBytes(nonce);
        this.clientNonce = Base64.getEncoder().encodeToString(nonce);
    }

    byte[] clientFirst() {
        return ("n,," + clientFirstBare()).getBytes(StandardCharsets.UTF_8);
    }

    private String clientFirstBare() {
        return "n=,r=" + clientNonce;
    }

    byte[] clientFinal(String serverFirst) throws ConsoleException {
        Map<Character, String> fields = fields(serverFirst);
        String nonce = fields.get('r');
        if (nonce == null || !nonce.startsWith(clientNonce) || fields.get('s') == null || fields.get('i') == null) {
            throw new ConsoleException("the console's SCRAM challenge is malformed: " + serverFirst);
        }
        try {
            byte[] salt = Base64.getDecoder().decode(fields.get('s'));
            int iterations = Integer.parseInt(fields.get('i'));
            saltedPassword = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            String withoutProof = "c=biws,r=" + nonce;
            authMessage = clientFirstBare() + "," + serverFirst + "," + withoutProof;
            byte[] clientKey = hmac(saltedPassword, "Client Key");
            byte[] signature = hmac(MessageDigest.getInstance("SHA-256").digest(clientKey), authMessage);
            for (int i = 0; i < clientKey.length; i++) {
                clientKey[i] ^= signature[i];
            }
            return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(clientKey))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConsoleException("cannot answer the console's SCRAM challenge: " + e.getMessage());
        }
    }

    void verifyServer(String serverFinal) throws ConsoleException {
        try {
            byte[] expected = hmac(hmac(saltedPassword, "Server Key"), authMessage);
            String given = fields(serverFinal).get('v');
            if (given == null || !MessageDigest.isEqual(expected, Base64.getDecoder().decode(given))) {
                throw new ConsoleException("the console's SCRAM signature does not match: not the PgBouncer"
                        + " that knows this password");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConsoleException("cannot check the console's SCRAM signature: " + e.getMessage());
        }
    }

    private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<Character, String> fields(String message) {
        Map<Character, String> fields = new LinkedHashMap<>();
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(1) == '=') {
                fields.put(part.charAt(0), part.substring(2));
            }
        }
        return fields;
    }
}

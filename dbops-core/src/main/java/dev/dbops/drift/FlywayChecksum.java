package dev.dbops.drift;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Flyway's checksum of a SQL migration, computed as Flyway 13 computes it: the CRC-32 of the UTF-8 bytes
 * of every line, fed one after the other with no separator, the byte order mark of the first line
 * dropped, stored as a signed {@code int}.
 *
 * <p>Because lines are read with {@code BufferedReader.readLine()}, line terminators ({@code \n},
 * {@code \r\n}, {@code \r}) never reach the CRC: blank lines, line endings and where a line is broken
 * ({@code a\nb} and {@code ab}) do not change the checksum; any other edit, even a space, does. Flyway
 * computes a versioned migration's checksum over the file as written (placeholders not replaced) and a
 * repeatable's over the text after placeholder replacement. {@code FlywayChecksumTest} checks this
 * against the checksums real Flyway writes to {@code flyway_schema_history}.
 */
public final class FlywayChecksum {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private FlywayChecksum() {
    }

    /** The checksum Flyway records for a script with this text. */
    public static int of(String text) {
        Objects.requireNonNull(text, "text");
        int start = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        StringBuilder joined = new StringBuilder(text.length());
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r') {
                joined.append(c);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(joined.toString().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}

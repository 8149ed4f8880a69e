package dev.dbops.trace.seed;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's COPY text format, written into a byte buffer that is handed to a sink whenever
 * it fills: columns separated by tabs, rows ended by newlines, {@code \N} for NULL, and backslash,
 * tab, newline and carriage return escaped in values.
 *
 * <p>In {@linkplain #raw() raw} mode nothing is escaped and nothing is flushed: array generators use
 * it to obtain an element's plain text before quoting it as an array element.
 */
final class CopyBuffer {

    /** Where full buffers go: the COPY stream, or a test's byte collector. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] bytes, int length) throws SQLException;
    }

    private static final int FLUSH_AT = 60 * 1024;
    private static final byte[] NULL = {'\\', 'N'};

    private final Sink sink;
    private final boolean escaping;
    private byte[] bytes = new byte[64 * 1024];
    private int length;
    private long flushedBytes;

    private CopyBuffer(Sink sink, boolean escaping) {
        this.sink = sink;
        this.escaping = escaping;
    }

    /** A buffer of COPY text that goes to the sink in chunks. */
    static CopyBuffer to(Sink sink) {
        return new CopyBuffer(sink, true);
    }

    /** A buffer that keeps plain values, unescaped, in memory: see {@link #takeText()}. */
    static CopyBuffer raw() {
        return new CopyBuffer(null, false);
    }

    /** Writes text that is known to hold no character COPY escapes (digits, ASCII letters, punctuation). */
    CopyBuffer ascii(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** Writes one ASCII character that COPY does not escape. */
    CopyBuffer ascii(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Writes any text as UTF-8, escaping what COPY needs escaped (unless this buffer is raw). */
    CopyBuffer text(String text) {
        int n = text.length();
        ensure(n * 2);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (escaping && (c == '\\' || c == '\t' || c == '\n' || c == '\r')) {
                    bytes[length++] = '\\';
                    c = switch (c) {
                        case '\t' -> 't';
                        case '\n' -> 'n';
                        case '\r' -> 'r';
                        default -> '\\';
                    };
                }
                bytes[length++] = (byte) c;
            } else {
                int codePoint = c;
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    codePoint = Character.toCodePoint(c, text.charAt(++i));
                }
                utf8(codePoint);
            }
        }
        return this;
    }

    private void utf8(int codePoint) {
        ensure(4);
        if (codePoint < 0x800) {
            bytes[length++] = (byte) (0xC0 | codePoint >> 6);
        } else if (codePoint < 0x10000) {
            bytes[length++] = (byte) (0xE0 | codePoint >> 12);
            bytes[length++] = (byte) (0x80 | (codePoint >> 6 & 0x3F));
        } else {
            bytes[length++] = (byte) (0xF0 | codePoint >> 18);
            bytes[length++] = (byte) (0x80 | (codePoint >> 12 & 0x3F));
            bytes[length++] = (byte) (0x80 | (codePoint >> 6 & 0x3F));
        }
        if (codePoint >= 0x80) {
            bytes[length++] = (byte) (0x80 | (codePoint & 0x3F));
        }
    }

    /** Writes bytes that already are COPY text, such as a field read with {@code COPY … TO STDOUT}. */
    CopyBuffer copyText(byte[] field) {
        ensure(field.length);
        System.arraycopy(field, 0, bytes, length, field.length);
        length += field.length;
        return this;
    }

    /** Writes a decimal integer. */
    CopyBuffer decimal(long value) {
        ensure(20);
        if (value == Long.MIN_VALUE) {
            return ascii(Long.toString(value));
        }
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        int start = length;
        do {
            bytes[length++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte swap = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = swap;
        }
        return this;
    }

    /** Writes a non-negative integer with at least {@code width} digits, zero-padded. */
    CopyBuffer padded(long value, int width) {
        int digits = value < 10 ? 1 : (int) Math.floor(Math.log10(value)) + 1;
        for (int i = digits; i < width; i++) {
            ascii('0');
        }
        return decimal(value);
    }

    /** Writes the low {@code digits} hexadecimal digits of {@code value}, lower case, zero-padded. */
    CopyBuffer hex(long value, int digits) {
        ensure(digits);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            bytes[length++] = (byte) "0123456789abcdef".charAt((int) (value >>> shift) & 0xF);
        }
        return this;
    }

    /** Writes a backslash that belongs to the value (escaped as {@code \\} unless this buffer is raw). */
    CopyBuffer backslash() {
        return escaping ? ascii("\\\\") : ascii('\\');
    }

    /** Writes the NULL marker. */
    CopyBuffer nul() {
        ensure(2);
        bytes[length++] = NULL[0];
        bytes[length++] = NULL[1];
        return this;
    }

    /** Ends a column. */
    CopyBuffer tab() {
        return ascii('\t');
    }

    /** Ends a row and hands the buffer to the sink when it is nearly full. */
    void endRow() throws SQLException {
        ascii('\n');
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /** Hands what is buffered to the sink. */
    void flush() throws SQLException {
        if (length > 0) {
            sink.write(bytes, length);
            flushedBytes += length;
            length = 0;
        }
    }

    /** How many bytes went to the sink so far. */
    long flushedBytes() {
        return flushedBytes;
    }

    /** The buffered text (of a raw buffer), emptying the buffer. */
    String takeText() {
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        length = 0;
        return text;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}

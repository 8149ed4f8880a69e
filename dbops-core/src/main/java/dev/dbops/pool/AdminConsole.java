package dev.dbops.pool;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal client of PgBouncer's admin console: PostgreSQL protocol 3, simple queries only, text
 * results. pgjdbc cannot be used there: it sends {@code SET extra_float_digits} after login to any
 * server reporting a version below 12, and the console reports PgBouncer's own (1.x) and refuses the
 * {@code SET}. Logs in with trust, cleartext, MD5 or SCRAM-SHA-256, as PgBouncer's {@code auth_type} asks.
 */
final class AdminConsole implements AutoCloseable {

    /** The console refused something; the message is PgBouncer's. */
    static final class ConsoleException extends IOException {
        private static final long serialVersionUID = 1L;

        ConsoleException(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private AdminConsole(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static AdminConsole open(String host, int port, String user, Optional<String> password, Duration timeout)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            AdminConsole console = new AdminConsole(socket);
            console.login(user, password);
            return console;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Runs one statement; each row maps column names to text values (null for SQL NULL), in column order. */
    List<Map<String, String>> query(String sql) throws IOException {
        send('Q', cstring(sql));
        List<String> columns = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        String error = null;
        while (true) {
            int type = in.readUnsignedByte();
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            Reader r = new Reader(body);
            switch (type) {
                case 'T' -> {
                    columns.clear();
                    int count = r.int16();
                    for (int i = 0; i < count; i++) {
                        columns.add(r.cstring());
                        r.skip(18);
                    }
                }
                case 'D' -> {
                    Map<String, String> row = new LinkedHashMap<>();
                    int count = r.int16();
                    for (int i = 0; i < count; i++) {
                        int length = r.int32();
                        row.put(i < columns.size() ? columns.get(i) : "column" + i, length < 0 ? null : r.text(length));
                    }
                    rows.add(row);
                }
                case 'E' -> error = errorMessage(r);
                case 'Z' -> {
                    if (error != null) {
                        throw new ConsoleException(error);
                    }
                    return rows;
                }
                default -> {
                    // CommandComplete, NoticeResponse, ParameterStatus: nothing to keep.
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            send('X', new byte[0]);
        } finally {
            socket.close();
        }
    }

    private void login(String user, Optional<String> password) throws IOException {
        ByteArrayOutputStream startup = new ByteArrayOutputStream();
        startup.writeBytes(int32(196_608));
        for (String part : new String[] {"user", user, "database", "pgbouncer", "application_name", "dbops"}) {
            startup.writeBytes(cstring(part));
        }
        startup.write(0);
        byte[] body = startup.toByteArray();
        out.write(int32(body.length + 4));
        out.write(body);
        out.flush();
        ScramClient scram = null;
        while (true) {
            int type = in.readUnsignedByte();
            byte[] message = new byte[in.readInt() - 4];
            in.readFully(message);
            Reader r = new Reader(message);
            if (type == 'E') {
                throw new ConsoleException(errorMessage(r));
            }
            if (type == 'Z') {
                return;
            }
            if (type != 'R') {
                continue;
            }
            int code = r.int32();
            switch (code) {
                case 0 -> { }
                case 3 -> send('p', cstring(required(password, "a cleartext password")));
                case 5 -> {
                    byte[] inner = md5(required(password, "an MD5 password").concat(user)
                            .getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
                    byte[] salted = new byte[inner.length + 4];
                    System.arraycopy(inner, 0, salted, 0, inner.length);
                    System.arraycopy(r.bytes(4), 0, salted, inner.length, 4);
                    send('p', cstring("md5" + md5(salted)));
                }
                case 10 -> {
                    scram = new ScramClient(required(password, "a SCRAM password"));
                    byte[] first = scram.clientFirst();
                    ByteArrayOutputStream initial = new ByteArrayOutputStream();
                    initial.writeBytes(cstring("SCRAM-SHA-256"));
                    initial.writeBytes(int32(first.length));
                    initial.writeBytes(first);
                    send('p', initial.toByteArray());
                }
                case 11 -> send('p', scramStep(scram).clientFinal(r.text(message.length - 4)));
                case 12 -> scramStep(scram).verifyServer(r.text(message.length - 4));
                default -> throw new ConsoleException("the console asks for authentication method " + code
                        + ", which dbops does not speak (trust, cleartext, md5, scram-sha-256)");
            }
        }
    }

    private void send(char type, byte[] body) throws IOException {
        out.write(type);
        out.write(int32(body.length + 4));
        out.write(body);
        out.flush();
    }

    private static ScramClient scramStep(ScramClient scram) throws ConsoleException {
        if (scram == null) {
            throw new ConsoleException("the console continued a SCRAM exchange that was never started");
        }
        return scram;
    }

    private static String required(Optional<String> password, String what) throws ConsoleException {
        return password.orElseThrow(() -> new ConsoleException("the console asks for " + what
                + " and the URL gives none"));
    }

    private static String errorMessage(Reader r) {
        StringBuilder message = new StringBuilder();
        while (r.remaining() > 0) {
            int field = r.byte1();
            if (field == 0) {
                break;
            }
            String value = r.cstring();
            if (field == 'M') {
                message.append(value);
            }
        }
        return message.toString();
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    private static byte[] cstring(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, withNul, 0, bytes.length);
        return withNul;
    }

    private static byte[] int32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /** Reads the fields of one message body. */
    private static final class Reader {
        private final byte[] data;
        private int position;

        Reader(byte[] data) {
            this.data = data;
        }

        int remaining() {
            return data.length - position;
        }

        int byte1() {
            return data[position++] & 0xff;
        }

        int int16() {
            return (byte1() << 8) | byte1();
        }

        int int32() {
            return (byte1() << 24) | (byte1() << 16) | (byte1() << 8) | byte1();
        }

        void skip(int bytes) {
            position += bytes;
        }

        byte[] bytes(int length) {
            byte[] copy = new byte[length];
            System.arraycopy(data, position, copy, 0, length);
            position += length;
            return copy;
        }

        String text(int length) {
            return new String(bytes(length), StandardCharsets.UTF_8);
        }

        String cstring() {
            int end = position;
            while (end < data.length && data[end] != 0) {
                end++;
            }
            String text = new String(data, position, end - position, StandardCharsets.UTF_8);
            position = Math.min(end + 1, data.length);
            return text;
        }
    }
}

package dev.dbops.backup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code pg_restore --list} tells about an archive: its header and how many tables it holds data for.
 *
 * @param createdAt when pg_dump wrote it, when the header says so in UTC
 * @param database the name of the database it was dumped from
 * @param format the archive format ({@code DIRECTORY}, {@code CUSTOM}, {@code TAR})
 * @param dumpedFromVersion the server version it was dumped from
 * @param tableData the tables it holds data for, {@code schema.name} by dump id (names with spaces are
 *     left out, as the listing does not quote them)
 * @param tableDataEntries how many {@code TABLE DATA} items it has
 */
record ArchiveContents(Optional<Instant> createdAt, String database, String format, String dumpedFromVersion,
        Map<Integer, String> tableData, int tableDataEntries) {

    private static final Pattern CREATED = Pattern.compile("^; Archive created at (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) UTC$");
    private static final Pattern FIELD = Pattern.compile("^;\\s+([A-Za-z ]+):\\s*(.*)$");
    private static final Pattern TABLE_DATA = Pattern.compile("^(\\d+); \\d+ \\d+ TABLE DATA (.*)$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Reads the listing {@code pg_restore --list} printed (run with {@code TZ=UTC}). */
    static ArchiveContents parse(List<String> listing) {
        Optional<Instant> created = Optional.empty();
        String database = "";
        String format = "";
        String version = "";
        Map<Integer, String> tableData = new HashMap<>();
        int entries = 0;
        for (String line : listing) {
            Matcher data = TABLE_DATA.matcher(line);
            Matcher createdAt = CREATED.matcher(line);
            Matcher field = FIELD.matcher(line);
            if (createdAt.matches()) {
                try {
                    created = Optional.of(LocalDateTime.parse(createdAt.group(1), TIME).toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException e) {
                    created = Optional.empty();
                }
            } else if (field.matches()) {
                switch (field.group(1).strip()) {
                    case "dbname" -> database = field.group(2).strip();
                    case "Format" -> format = field.group(2).strip();
                    case "Dumped from database version" -> version = field.group(2).strip();
                    default -> {
                        // Other header fields (compression, integer size…) are not needed.
                    }
                }
            } else if (data.matches()) {
                entries++;
                String[] words = data.group(2).split(" ");
                if (words.length == 3) {
                    tableData.put(Integer.parseInt(data.group(1)), words[0] + "." + words[1]);
                }
            }
        }
        return new ArchiveContents(created, database, format, version, Map.copyOf(tableData), entries);
    }
}

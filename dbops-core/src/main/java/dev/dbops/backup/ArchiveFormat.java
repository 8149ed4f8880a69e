package dev.dbops.backup;

/** The {@code pg_dump} archive format a drill writes; both restore in parallel with {@code pg_restore -j}. */
public enum ArchiveFormat {

    /** {@code pg_dump -Fd}: a directory with one compressed file per table; the only format dumped in parallel. */
    DIRECTORY("directory"),
    /** {@code pg_dump -Fc}: one compressed file, dumped by one process. */
    CUSTOM("custom");

    private final String option;

    ArchiveFormat(String option) {
        this.option = option;
    }

    /** The value of {@code pg_dump --format}. */
    public String option() {
        return option;
    }
}

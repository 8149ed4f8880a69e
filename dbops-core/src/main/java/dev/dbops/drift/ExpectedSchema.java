package dev.dbops.drift;

/** Where the schema the migrations describe came from. */
public enum ExpectedSchema {

    /** The migrations were replayed on a shadow database and its schema read. */
    REPLAY,
    /** A committed snapshot file ({@code dbops inspect} output). */
    SNAPSHOT,
    /** Neither: the replay failed and no snapshot was given, so schemas were not compared. */
    NONE
}

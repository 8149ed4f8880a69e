package dev.dbops.samples.library;

import io.micronaut.runtime.Micronaut;

/** A small library-lending service: members borrow books. Its schema is migrated by Flyway and guarded by dbops. */
public final class LibraryApplication {

    private LibraryApplication() {
    }

    /** Starts the service; see the sample's README for the settings. */
    public static void main(String[] args) {
        Micronaut.run(LibraryApplication.class, args);
    }
}

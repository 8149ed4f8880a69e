package dev.dbops.migration;

import java.io.IOException;
import java.util.Objects;

/**
 * A file found in a location: on the file system or on the classpath (in a directory or a jar).
 *
 * @param relativePath the path inside the location, with {@code /} separators ({@code sub/V2__x.sql})
 * @param location the path the user sees ({@code db/migration/sub/V2__x.sql},
 *     {@code classpath:db/migration/sub/V2__x.sql})
 * @param content reads the bytes; it may fail for an unreadable file
 */
record ScriptResource(String relativePath, String location, Content content) {

    /** Reads the bytes of a resource. */
    @FunctionalInterface
    interface Content {
        byte[] read() throws IOException;
    }

    ScriptResource {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(content, "content");
    }

    /** The last segment of the path. */
    String fileName() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }
}

package dev.dbops.schema;

import java.util.Objects;

/**
 * The PostgreSQL server a schema was read from.
 *
 * @param versionNum the server's {@code server_version_num}, e.g. {@code 150019}
 * @param version the server's {@code server_version} without build details, e.g. {@code 15.19}
 */
public record ServerInfo(int versionNum, String version) {

    /** Creates a server description; the version text is required. */
    public ServerInfo {
        Objects.requireNonNull(version, "version");
    }
}

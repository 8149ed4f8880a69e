package dev.dbops.migration;

import java.util.List;
import java.util.Objects;

/**
 * Liquibase's checksum of one changeset, computed by Liquibase itself from the changelog, as it is
 * stored in {@code DATABASECHANGELOG.MD5SUM}.
 *
 * @param changeSet the changeset's identity
 * @param checksum {@code <version>:<md5 hex>}, e.g. {@code 9:1a2b…}
 * @param runOnChange whether the changeset runs again when it changes ({@code runOnChange})
 * @param runAlways whether it runs on every update ({@code runAlways})
 * @param validCheckSums the checksums its {@code validCheckSum} elements accept besides its own
 *     ({@code ANY} accepts every checksum)
 */
public record ChangeSetChecksum(ChangeSetRef changeSet, String checksum, boolean runOnChange, boolean runAlways,
        List<String> validCheckSums) {

    /** Checks that no component is null; the valid checksums are copied. */
    public ChangeSetChecksum {
        Objects.requireNonNull(changeSet, "changeSet");
        Objects.requireNonNull(checksum, "checksum");
        validCheckSums = List.copyOf(validCheckSums);
    }

    /** Whether a stored checksum is accepted: equal, or listed as valid ({@code ANY} included). */
    public boolean accepts(String stored) {
        return checksum.equals(stored) || validCheckSums.stream()
                .anyMatch(valid -> valid.equalsIgnoreCase("ANY") || valid.equals(stored));
    }
}

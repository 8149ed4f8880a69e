package dev.dbops.samples.library;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A member of the library.
 *
 * @param id the member's id; null in a request to create one
 * @param name the member's name
 * @param email where the library writes to the member
 */
@Serdeable
public record Member(@Nullable Long id, String name, String email) {
}

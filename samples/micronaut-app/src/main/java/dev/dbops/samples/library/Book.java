package dev.dbops.samples.library;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A title in the catalogue.
 *
 * @param id the book's id; null in a request to add one
 * @param isbn its ISBN
 * @param title its title
 * @param copies how many copies the library owns
 */
@Serdeable
public record Book(@Nullable Long id, String isbn, String title, int copies) {
}

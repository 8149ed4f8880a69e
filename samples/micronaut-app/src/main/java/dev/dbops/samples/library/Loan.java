package dev.dbops.samples.library;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A book lent to a member.
 *
 * @param id the loan's id; null in a request to lend
 * @param memberId who borrows it
 * @param bookId which book
 * @param days for how many days
 * @param lentAt when it was lent; null in a request
 */
@Serdeable
public record Loan(@Nullable Long id, long memberId, long bookId, int days, @Nullable Instant lentAt) {
}

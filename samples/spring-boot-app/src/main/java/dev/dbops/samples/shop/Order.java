package dev.dbops.samples.shop;

import java.time.Instant;

/**
 * An order of one product by one customer.
 *
 * @param id the key
 * @param customerId who ordered
 * @param productId what
 * @param quantity how many
 * @param placedAt when
 */
public record Order(long id, long customerId, long productId, int quantity, Instant placedAt) {
}

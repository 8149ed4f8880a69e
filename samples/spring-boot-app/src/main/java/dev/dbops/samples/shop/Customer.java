package dev.dbops.samples.shop;

import java.time.Instant;

/**
 * A customer of the shop.
 *
 * @param id the key
 * @param name the name
 * @param email the unique e-mail address
 * @param createdAt when the customer signed up
 */
public record Customer(long id, String name, String email, Instant createdAt) {
}

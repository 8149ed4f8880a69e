package dev.dbops.samples.shop;

/**
 * Something the shop sells.
 *
 * @param id the key
 * @param sku the unique stock-keeping unit
 * @param name the name
 * @param priceCents the price in cents
 */
public record Product(long id, String sku, String name, long priceCents) {
}

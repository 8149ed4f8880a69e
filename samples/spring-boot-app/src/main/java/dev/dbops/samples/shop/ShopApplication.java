package dev.dbops.samples.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small shop service: customers, products and orders over HTTP, on PostgreSQL with Flyway and dbops. */
@SpringBootApplication
public class ShopApplication {

    /** Starts the shop; without {@code spring.datasource.url} it runs on an embedded PostgreSQL. */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}

/**
 * dbops in a Micronaut 4.10 application: the startup guard around micronaut-flyway and micronaut-liquibase,
 * health, the {@code dbops} management endpoint and Micrometer meters, configured under {@code dbops.*} with the
 * keys of the Spring Boot starter. The module only maps configuration onto core's builders; see
 * {@code docs/micronaut.md}.
 */
package dev.dbops.micronaut;

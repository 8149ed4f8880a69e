/**
 * Production-volume data for lock tracing: {@link dev.dbops.trace.seed.DataSeeder} fills every table
 * of a scratch database with synthetic rows generated from the column types, honouring keys, foreign
 * keys, simple CHECKs, enums, domains and partition bounds, through {@code COPY}; the
 * {@link dev.dbops.trace.seed.SeedReport} says per table what was written and what could not be
 * honoured. See {@code docs/seeding.md}.
 */
package dev.dbops.trace.seed;

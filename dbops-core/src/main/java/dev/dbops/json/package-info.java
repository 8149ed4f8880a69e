/**
 * A small, strict RFC 8259 JSON reader and writer for dbops's own file formats.
 *
 * <p>{@link dev.dbops.json.Json} maps JSON text to a plain tree of maps, lists, strings, numbers
 * and booleans and back; there is no data binding here. Higher layers (such as the schema snapshot
 * format) map that tree to their own types and wrap {@link dev.dbops.json.JsonSyntaxException} into
 * a {@link dev.dbops.DbopsException} that names the file.
 */
package dev.dbops.json;

/**
 * A PostgreSQL-exact lexer and statement splitter: the ground the lint parser and drift detection stand on.
 *
 * <p>{@link dev.dbops.sql.SqlScript#parse(String)} gives the statements of a script, each with its
 * exact text, {@link dev.dbops.sql.SourcePosition}s, {@link dev.dbops.sql.Token}s and comments;
 * {@link dev.dbops.sql.SqlLexer#tokenize(String)} gives the tokens alone. Both take any text, never
 * throw for it, and run in one pass, in time linear in the input.
 *
 * <h2>Lexing</h2>
 * Tokens end where PostgreSQL's scanner ({@code src/backend/parser/scan.l}, PostgreSQL 16 and later)
 * ends them, with {@code standard_conforming_strings} on:
 * <ul>
 *   <li>Whitespace is {@code space \t \n \r \f \v}. A leading byte order mark is skipped. Lines end at
 *       {@code \n}, {@code \r\n} or a lone {@code \r}; columns count UTF-16 chars.</li>
 *   <li>Words: {@code [A-Za-z_]} or any non-ASCII character, then those, digits and {@code $}; so
 *       {@code a$b} is one word. {@link dev.dbops.sql.Token#value()} folds only {@code A-Z} to lower
 *       case, as PostgreSQL does for a UTF-8 database.</li>
 *   <li>Strings: {@code '…'} with {@code ''} for a quote and literal backslashes; {@code E'…'} where a
 *       backslash escapes the next character (so {@code \'} does not end it); {@code N'…'},
 *       {@code U&'…'}, and the bit strings {@code B'…'} and {@code X'…'} (no {@code ''} inside). Segments
 *       separated only by whitespace holding a newline and {@code --} comments continue the same
 *       constant, in the same mode, and form one token. The prefixes count only as a whole word:
 *       {@code xe'…'} is the word {@code xe} and a string.</li>
 *   <li>Dollar quotes: {@code $$…$$} or {@code $tag$…$tag$}, the tag being
 *       {@code [A-Za-z_\x80-]} followed by those and digits; the body ends at the first identical
 *       delimiter, so other tags nest inside. {@code $1} is a parameter; a {@code $} that starts neither
 *       is a lone punctuation character.</li>
 *   <li>Quoted identifiers: {@code "…"} and {@code U&"…"}, with {@code ""} for a quote.</li>
 *   <li>Numbers: {@code 42}, {@code 1.5}, {@code 1.}, {@code .5}, {@code 1.5e-3}, {@code 1_000},
 *       {@code 0x1F}, {@code 0o17}, {@code 0b101} (underscores and prefixes as PostgreSQL 16 accepts
 *       them); {@code 1..10} is {@code 1}, {@code ..}, {@code 10}. Trailing junk such as {@code 12abc},
 *       which PostgreSQL 15 and later reject, is lexed as a number then a word.</li>
 *   <li>Comments: {@code --} to the end of the line (the line break is not part of it), and
 *       <code>/* … *&#47;</code>, which nest.</li>
 *   <li>Operators: the longest run of {@code + - * / < > = ~ ! @ # % ^ & | ` ?}, cut before a
 *       {@code --} or <code>/*</code> inside it (a comment starts there), then stripped of trailing
 *       {@code +} and {@code -} unless it contains one of {@code ~ ! @ # % ^ & | ` ?}: {@code =-} is
 *       {@code =} and {@code -}, {@code @-} stays one operator. {@code :=} is an operator too.</li>
 *   <li>Punctuation: {@code ( ) [ ] , ; . : :: ..}; any other character (a lone {@code $}, {@code \},
 *       <code>&#123;</code>) is a one-character punctuation token, which PostgreSQL's grammar rejects.</li>
 * </ul>
 *
 * <h2>Statement boundaries</h2>
 * A statement ends at a {@code ;} token (never one inside a string, identifier or comment) unless
 * <ul>
 *   <li>a parenthesis is open, as in psql: the actions of
 *       {@code CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT …; UPDATE …)} are one statement, as
 *       the server's grammar reads them; or</li>
 *   <li>it is inside the SQL-standard body of {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE …
 *       BEGIN ATOMIC stmt; stmt; END} (PostgreSQL 14 and later). In such a statement the words
 *       {@code BEGIN ATOMIC} outside parentheses open the body, and {@code END} outside parentheses
 *       closes it only right after a {@code ;} or right after {@code BEGIN ATOMIC}: the grammar
 *       ({@code BEGIN ATOMIC { stmt ; } END}) allows it nowhere else. So the {@code END} of a
 *       {@code CASE} expression, or {@code end} used as a column label ({@code SELECT 1 end;}, which
 *       the server accepts), never closes the body. This is stricter than psql, which counts
 *       {@code BEGIN}, {@code CASE} and {@code END} words and so can misread such a label, or a function
 *       named {@code begin()}. A plain {@code BEGIN; … END;} is transaction control and splits as
 *       usual.</li>
 * </ul>
 * Empty statements ({@code ;;}, or only comments before a {@code ;}) are dropped. A statement's
 * text runs from its first token to the end of its last one; the comments from the previous
 * {@code ;} up to its own {@code ;} belong to it, so a {@code -- dbops:ignore …} line above a
 * statement is found in {@link dev.dbops.sql.SqlStatement#comments()}. Comments after the last
 * statement are only in {@link dev.dbops.sql.SqlScript#comments()}.
 *
 * <h2>Diagnostics</h2>
 * An unterminated string, quoted identifier, dollar quote or block comment becomes a token that runs
 * to the end of the input, and a {@link dev.dbops.sql.SqlDiagnostic} says where it starts and how to
 * close it. When the input ends with a parenthesis or a {@code BEGIN ATOMIC} body still open, the
 * last statement has swallowed the rest of the script, and a diagnostic points at the opening
 * {@code (} or {@code BEGIN}. Other syntax errors are the parser's business, not the splitter's.
 *
 * <h2>Parsing</h2>
 * {@link dev.dbops.sql.StatementParser} turns one {@link dev.dbops.sql.SqlStatement} into the typed
 * {@link dev.dbops.sql.Statement} model the lint rules read: {@code CREATE TABLE} with its columns
 * ({@link dev.dbops.sql.ColumnDefinition}) and constraints ({@link dev.dbops.sql.TableConstraint}),
 * {@code ALTER TABLE} with every subcommand ({@link dev.dbops.sql.AlterTableAction}), indexes, drops,
 * {@code REINDEX}, enum and domain changes, views, triggers, {@code LOCK}, {@code VACUUM},
 * {@code CLUSTER}, {@code TRUNCATE}, data changes, settings, transaction control, and the plain SQL
 * inside {@code DO} blocks (with its positions in the file). Types are resolved to PostgreSQL's
 * canonical names ({@link dev.dbops.sql.TypeName}); expressions are kept as tokens
 * ({@link dev.dbops.sql.Expression}). The parser never throws on bad SQL: a statement it recognises
 * as harmless is {@code Statement.Other}, one it cannot classify is {@code Statement.Unparsed} with the
 * reason, which the linter reports as not inspected.
 */
package dev.dbops.sql;

package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenameColumnTest {

    private final LintFixture lint = LintFixture.rule("rename-column");

    @Test
    void flagsRenameColumnOnALiveTable() {
        List<Violation> violations = lint.inTransaction("ALTER TABLE users RENAME COLUMN mail TO email;");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(v.impact()).isEqualTo(TableImpact.NONE);
            assertThat(v.message()).contains("RENAME COLUMN mail TO email on users",
                    "breaks every application instance that still uses mail",
                    "ACCESS EXCLUSIVE lock (blocks reads and writes)");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("ALTER TABLE users ADD COLUMN email <type of mail>;")
                    .contains("CREATE TRIGGER users_sync_mail_email BEFORE INSERT OR UPDATE ON users")
                    .contains("UPDATE users SET email = mail WHERE email IS DISTINCT FROM mail AND ctid = ANY")
                    .endsWith("ALTER TABLE users DROP COLUMN mail;"));
        });
    }

    @Test
    void acceptsRenamesOnATableCreatedEarlierInTheMigrations() {
        List<Violation> violations = lint.after("CREATE TABLE users (mail text);")
                .inTransaction("ALTER TABLE users RENAME COLUMN mail TO email;");

        assertThat(violations).isEmpty();
    }
}

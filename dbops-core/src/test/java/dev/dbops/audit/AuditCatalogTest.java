package dev.dbops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The checks, their ids, their documentation and the builder that selects them. */
class AuditCatalogTest {

    private static String docs() throws Exception {
        return Files.readString(Path.of("../docs/audit.md"), StandardCharsets.UTF_8);
    }

    @Test
    void everyCheckHasAUniqueKebabCaseIdAnImplementationAndADocSection() throws Exception {
        String docs = docs();
        assertThat(AuditCheck.values()).extracting(AuditCheck::id)
                .allMatch(id -> id.matches("[a-z]+(-[a-z]+)*")).doesNotHaveDuplicates();
        for (AuditCheck check : AuditCheck.values()) {
            assertThat(Checks.of(check).id()).isEqualTo(check);
            assertThat(docs).as("docs/audit.md section of " + check.id()).contains("\n### " + check.id() + "\n");
            assertThat(check.docs()).isEqualTo("docs/audit.md#" + check.id());
        }
    }

    @Test
    void everyThresholdIsDocumentedWithItsDefault() throws Exception {
        String docs = docs();
        for (AuditThreshold threshold : AuditThreshold.values()) {
            assertThat(docs).as("docs/audit.md row of " + threshold.key())
                    .containsPattern("\\| `" + threshold.key() + "` \\| `" + java.util.regex.Pattern.quote(
                            ThresholdText.format(threshold.kind(), threshold.defaultValue())) + "`");
        }
    }

    @Test
    void selectsChecksByIdAndByCategoryAndLeavesOutSkippedOnes() {
        assertThat(DatabaseAudit.builder().build().checks()).isEqualTo(EnumSet.allOf(AuditCheck.class));
        assertThat(DatabaseAudit.builder().only("replication", "unused-index").skip("archiver-failure").build().checks())
                .containsExactlyInAnyOrder(AuditCheck.REPLICATION_LAG, AuditCheck.INACTIVE_REPLICATION_SLOT,
                        AuditCheck.UNUSED_INDEX);
        assertThat(DatabaseAudit.builder().skip("indexes", "tables").build().checks())
                .noneMatch(check -> check.category() == AuditCategory.INDEXES || check.category() == AuditCategory.TABLES);
    }

    @Test
    void reportsEveryInvalidOptionAtOnce() {
        assertThatThrownBy(() -> DatabaseAudit.builder().only("bloat").skip("nothing").statementTimeout(Duration.ZERO)
                .lockTimeout(Duration.ofSeconds(-1)).includeSchemas("a").excludeSchemas("a").build())
                .isInstanceOf(DbopsException.class)
                .hasMessageContaining("only: 'bloat' is neither a check id nor a category")
                .hasMessageContaining("skip: 'nothing' is neither")
                .hasMessageContaining("statementTimeout must be positive, was PT0S")
                .hasMessageContaining("lockTimeout must be positive, was PT-1S")
                .hasMessageContaining("schemas both included and excluded: [a]");
    }
}

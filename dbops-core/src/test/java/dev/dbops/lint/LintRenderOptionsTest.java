package dev.dbops.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class LintRenderOptionsTest {

    @Test
    void defaultsToNoRulesTheProjectDocsAndFailingOnErrors() {
        LintRenderOptions defaults = LintRenderOptions.defaults();

        assertThat(defaults.rules()).isEmpty();
        assertThat(defaults.docsBaseUri()).isEqualTo(LintRenderOptions.DEFAULT_DOCS_BASE_URI);
        assertThat(defaults.failOn()).contains(Severity.ERROR);
        assertThat(defaults.fails(Severity.ERROR)).isTrue();
        assertThat(defaults.fails(Severity.WARNING)).isFalse();
        assertThat(LintRenderOptions.builder().failOnNothing().build().fails(Severity.ERROR)).isFalse();
    }

    @Test
    void rejectsARelativeDocsUriAndDuplicateRulesAtOnce() {
        assertThatThrownBy(() -> LintRenderOptions.builder().docsBaseUri("docs/")
                .rules(List.of(RenderFixture.INDEX, RenderFixture.INDEX)).build())
                .isInstanceOf(DbopsException.class)
                .hasMessageContaining("'docs/' is not an absolute hierarchical URI")
                .hasMessageContaining("two rules have the id 'example-index'")
                .satisfies(e -> assertThat(((DbopsException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
    }

    @Test
    void rejectsADocsUriThatDoesNotEndWithASlashOrIsNoUri() {
        assertThatThrownBy(() -> LintRenderOptions.builder().docsBaseUri("https://example.com/docs").build())
                .hasMessageContaining("must end with '/'").hasMessageContaining("write 'https://example.com/docs/'");
        assertThatThrownBy(() -> LintRenderOptions.builder().docsBaseUri("https://exa mple.com/").build())
                .hasMessageContaining("is not a URI");
    }
}

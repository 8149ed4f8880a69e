package dev.dbops.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link LockMode}, which planned statements report: order and the documented conflict table. */
class MigrationPlanLockModeTest {

    @Test
    void ordersLockModesFromWeakestToStrongest() {
        assertThat(LockMode.ACCESS_EXCLUSIVE.isStrongerThan(LockMode.EXCLUSIVE)).isTrue();
        assertThat(LockMode.SHARE_UPDATE_EXCLUSIVE.isStrongerThan(LockMode.SHARE)).isFalse();
        assertThat(LockMode.NONE.max(LockMode.ACCESS_SHARE)).isEqualTo(LockMode.ACCESS_SHARE);
        assertThat(LockMode.SHARE_ROW_EXCLUSIVE.sqlName()).isEqualTo("SHARE ROW EXCLUSIVE");
    }

    @Test
    void conflictsExactlyAsThePostgresqlDocumentationSays() {
        assertThat(conflicts(LockMode.ACCESS_SHARE)).containsExactly(LockMode.ACCESS_EXCLUSIVE);
        assertThat(conflicts(LockMode.ROW_EXCLUSIVE)).containsExactly(LockMode.SHARE, LockMode.SHARE_ROW_EXCLUSIVE,
                LockMode.EXCLUSIVE, LockMode.ACCESS_EXCLUSIVE);
        assertThat(conflicts(LockMode.SHARE_UPDATE_EXCLUSIVE)).containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE,
                LockMode.SHARE, LockMode.SHARE_ROW_EXCLUSIVE, LockMode.EXCLUSIVE, LockMode.ACCESS_EXCLUSIVE);
        assertThat(conflicts(LockMode.SHARE)).doesNotContain(LockMode.SHARE, LockMode.ACCESS_SHARE);
        assertThat(conflicts(LockMode.ACCESS_EXCLUSIVE)).hasSize(8);
        assertThat(conflicts(LockMode.NONE)).isEmpty();
    }

    @Test
    void conflictsAreSymmetric() {
        for (LockMode a : LockMode.values()) {
            for (LockMode b : LockMode.values()) {
                assertThat(a.conflictsWith(b)).as("%s vs %s", a, b).isEqualTo(b.conflictsWith(a));
            }
        }
    }

    private static Set<LockMode> conflicts(LockMode mode) {
        EnumSet<LockMode> result = EnumSet.noneOf(LockMode.class);
        for (LockMode other : LockMode.values()) {
            if (mode.conflictsWith(other)) {
                result.add(other);
            }
        }
        return result;
    }
}

package dev.dbops.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** {@code dbops.backup.drill.cron} is set to a schedule, not to {@code -} (Spring's "disabled"). */
class OnDrillSchedule extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String cron = context.getEnvironment().getProperty("dbops.backup.drill.cron", "-").strip();
        return cron.isEmpty() || cron.equals("-")
                ? ConditionOutcome.noMatch("dbops.backup.drill.cron is not set (scheduled drills are off)")
                : ConditionOutcome.match("dbops.backup.drill.cron is " + cron);
    }
}

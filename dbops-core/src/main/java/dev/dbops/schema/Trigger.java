package dev.dbops.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A user trigger on a table or view.
 *
 * @param definition as {@code pg_get_triggerdef} renders it
 */
public record Trigger(String name, String definition, Enabled enabled, Optional<String> comment) {

    /** Creates a trigger entry. */
    public Trigger {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(enabled, "enabled");
        Models.required(comment, "comment");
    }

    /** When a trigger fires, as {@code ALTER TABLE … ENABLE/DISABLE TRIGGER} sets it. */
    public enum Enabled {
        /** Fires in origin and local sessions (the default). */
        ORIGIN("ENABLE"),
        /** Never fires. */
        DISABLED("DISABLE"),
        /** Fires only when {@code session_replication_role} is {@code replica}. */
        REPLICA("ENABLE REPLICA"),
        /** Fires always. */
        ALWAYS("ENABLE ALWAYS");

        private final String keyword;

        Enabled(String keyword) {
            this.keyword = keyword;
        }

        /** The ALTER TABLE keyword(s) that set this state. */
        public String keyword() {
            return keyword;
        }
    }
}

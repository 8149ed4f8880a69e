package dev.dbops.pool;

import java.util.Objects;

/**
 * Client sessions on the whole server with the same {@code application_name} and state.
 *
 * @param applicationName the {@code application_name} (empty when none is set)
 * @param state the state ({@code active}, {@code idle}, …; empty when hidden from the inspector's user)
 * @param sessions how many
 */
public record SessionGroup(String applicationName, String state, int sessions) {

    /** Checks that nothing is null. */
    public SessionGroup {
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(state, "state");
    }
}

package dev.dbops.micronaut.config;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code dbops.guard.*}: the startup guard around micronaut-flyway's or micronaut-liquibase's migrations of a
 * datasource. The lint and drift halves have their own settings, {@link LintSettings} and {@link DriftSettings}.
 */
public class GuardSettings {

    /** What the guard does when the database cannot be reached at startup. */
    public enum OnUnavailable {
        /** Fail the startup, naming the URL (without credentials). */
        FAIL,
        /** Log a warning and start without the check. */
        WARN
    }

    private boolean enabled = true;
    private OnUnavailable onUnavailable = OnUnavailable.FAIL;
    private List<String> locations = new ArrayList<>();

    /** Settings with the defaults. */
    public GuardSettings() {
    }

    /** A copy of {@code other}, which a datasource's own settings then override. */
    public GuardSettings(GuardSettings other) {
        this.enabled = other.enabled;
        this.onUnavailable = other.onUnavailable;
        this.locations = new ArrayList<>(other.locations);
    }

    /** Whether the startup guard runs: the lint before migrations and the drift check after them. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Whether the startup guard runs: the lint before migrations and the drift check after them (default true). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** What to do when the database cannot be reached by the guard at startup. */
    public OnUnavailable getOnUnavailable() {
        return onUnavailable;
    }

    /**
     * What to do when the database cannot be reached by the guard at startup: fail the startup, or log a
     * warning and skip the check, so that the drift health reports it was not checked (default fail).
     */
    public void setOnUnavailable(OnUnavailable onUnavailable) {
        this.onUnavailable = onUnavailable;
    }

    /** Migration locations to check, when they are not the migration tool's own. */
    public List<String> getLocations() {
        return locations;
    }

    /**
     * Migration locations to check (Flyway locations or a Liquibase changelog), when they are not the
     * migration tool's own: by default those of the datasource's Flyway or Liquibase configuration, else
     * classpath:db/migration.
     */
    public void setLocations(List<String> locations) {
        this.locations = new ArrayList<>(locations);
    }
}

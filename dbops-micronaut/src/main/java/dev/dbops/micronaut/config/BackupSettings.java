package dev.dbops.micronaut.config;

import java.nio.file.Path;
import java.time.Duration;

/** {@code dbops.backup.*}: the backup health, the backup metrics and scheduled drills ({@link DrillSettings}). */
public class BackupSettings {

    private boolean enabled = true;
    private Path history;
    private Duration maxAge = Duration.ofHours(25);

    /** Settings with the defaults. */
    public BackupSettings() {
    }

    /** A copy of {@code other}, which a datasource's own settings then override. */
    public BackupSettings(BackupSettings other) {
        this.enabled = other.enabled;
        this.history = other.history;
        this.maxAge = other.maxAge;
    }

    /** Whether backup health and metrics are reported. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Whether backup health and metrics are reported (default true). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The drill history file; null when none is configured. */
    public Path getHistory() {
        return history;
    }

    /**
     * The drill history file (JSON Lines, written by dbops verify-backup --history and by scheduled drills);
     * without it only drills run by this application are known.
     */
    public void setHistory(Path history) {
        this.history = history;
    }

    /** The oldest the newest verified backup may be before the backup health is down. */
    public Duration getMaxAge() {
        return maxAge;
    }

    /** The oldest the newest verified backup may be before the backup health is down (default 25h). */
    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }
}

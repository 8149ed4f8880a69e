package dev.dbops.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

/** {@code dbops.backup.*}: the backup health contributor, the backup metrics and scheduled drills. */
public class BackupProperties {

    /** Whether backup health and metrics are reported. */
    private boolean enabled = true;

    /**
     * The drill history file (JSON Lines, written by dbops verify-backup --history and by scheduled drills);
     * without it only drills run by this application are known.
     */
    private Path history;

    /** The oldest the newest verified backup may be before the backup health is down. */
    private Duration maxAge = Duration.ofHours(25);

    /** Scheduled restore drills, off by default. */
    private final Drill drill = new Drill();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Path getHistory() {
        return history;
    }

    public void setHistory(Path history) {
        this.history = history;
    }

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }

    public Drill getDrill() {
        return drill;
    }

    /** {@code dbops.backup.drill.*}: scheduled restore drills. */
    public static class Drill {

        /**
         * When to run a restore drill of the application's database, as a Spring cron expression; '-' (the
         * default) runs none.
         */
        private String cron = "-";

        /**
         * The scratch database to restore into (a URL whose user may create databases, naming a database that does
         * not exist yet); by default dbops_drill_<random> on the source's server.
         */
        private String target;

        /**
         * Parallel jobs for pg_dump, pg_restore and the fingerprint; by default the number of processors, at most
         * 4.
         */
        private Integer jobs;

        /**
         * Whether owners and privileges are restored (needs the roles on the target); false restores with --no-
         * owner --no-privileges.
         */
        private boolean restoreOwnership = true;

        /**
         * The directory holding pg_dump and pg_restore; by default the first of the server's version or newer
         * found in the usual places.
         */
        private Path clientPrograms;

        public String getCron() {
            return cron;
        }

        public void setCron(String cron) {
            this.cron = cron;
        }

        public String getTarget() {
            return target;
        }

        public void setTarget(String target) {
            this.target = target;
        }

        public Integer getJobs() {
            return jobs;
        }

        public void setJobs(Integer jobs) {
            this.jobs = jobs;
        }

        public boolean isRestoreOwnership() {
            return restoreOwnership;
        }

        public void setRestoreOwnership(boolean restoreOwnership) {
            this.restoreOwnership = restoreOwnership;
        }

        public Path getClientPrograms() {
            return clientPrograms;
        }

        public void setClientPrograms(Path clientPrograms) {
            this.clientPrograms = clientPrograms;
        }
    }
}

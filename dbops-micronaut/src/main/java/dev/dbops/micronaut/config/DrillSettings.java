package dev.dbops.micronaut.config;

import java.nio.file.Path;

/** {@code dbops.backup.drill.*}: scheduled restore drills, off by default. */
public class DrillSettings {

    /** The cron value that runs no drill. */
    public static final String DISABLED = "-";

    private String cron = DISABLED;
    private String target;
    private Integer jobs;
    private boolean restoreOwnership = true;
    private Path clientPrograms;

    /** Settings with the defaults. */
    public DrillSettings() {
    }

    /** A copy of {@code other}, which a datasource's own settings then override. */
    public DrillSettings(DrillSettings other) {
        this.cron = other.cron;
        this.target = other.target;
        this.jobs = other.jobs;
        this.restoreOwnership = other.restoreOwnership;
        this.clientPrograms = other.clientPrograms;
    }

    /** When to run a restore drill; {@value #DISABLED} runs none. */
    public String getCron() {
        return cron;
    }

    /**
     * When to run a restore drill of the datasource's database, as a cron expression (Micronaut's: five fields,
     * or six with seconds first); '-' (the default) runs none.
     */
    public void setCron(String cron) {
        this.cron = cron;
    }

    /** The scratch database to restore into; null for a random one on the source's server. */
    public String getTarget() {
        return target;
    }

    /**
     * The scratch database to restore into (a URL whose user may create databases, naming a database that does
     * not exist yet); by default dbops_drill_&lt;random&gt; on the source's server.
     */
    public void setTarget(String target) {
        this.target = target;
    }

    /** Parallel jobs for pg_dump, pg_restore and the fingerprint; null for the default. */
    public Integer getJobs() {
        return jobs;
    }

    /** Parallel jobs for pg_dump, pg_restore and the fingerprint; by default the number of processors, at most 4. */
    public void setJobs(Integer jobs) {
        this.jobs = jobs;
    }

    /** Whether owners and privileges are restored. */
    public boolean isRestoreOwnership() {
        return restoreOwnership;
    }

    /**
     * Whether owners and privileges are restored (needs the roles on the target); false restores with --no-owner
     * --no-privileges (default true).
     */
    public void setRestoreOwnership(boolean restoreOwnership) {
        this.restoreOwnership = restoreOwnership;
    }

    /** The directory holding pg_dump and pg_restore; null to search the usual places. */
    public Path getClientPrograms() {
        return clientPrograms;
    }

    /**
     * The directory holding pg_dump and pg_restore; by default the first of the server's version or newer found
     * in the usual places.
     */
    public void setClientPrograms(Path clientPrograms) {
        this.clientPrograms = clientPrograms;
    }
}

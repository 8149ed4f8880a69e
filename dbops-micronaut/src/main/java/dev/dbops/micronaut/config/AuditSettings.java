package dev.dbops.micronaut.config;

/** {@code dbops.audit.*}: the audit summary of the {@code dbops} management endpoint. */
public class AuditSettings {

    private boolean enabled = true;

    /** Settings with the defaults. */
    public AuditSettings() {
    }

    /** A copy of {@code other}, which a datasource's own settings then override. */
    public AuditSettings(AuditSettings other) {
        this.enabled = other.enabled;
    }

    /** Whether the dbops endpoint runs the operational audit and shows its summary. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Whether the dbops endpoint runs the operational audit and shows its summary (default true). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}

package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** One check's implementation: its queries (gated by server version) and how rows become findings. */
interface Check {

    /** The check this implements. */
    AuditCheck id();

    /** Why the check does not apply to this server, if it does not (an extension is missing, …). */
    default Optional<String> skipReason(AuditSession session) {
        return Optional.empty();
    }

    /**
     * Runs the check's queries inside the read-only transaction the session has begun for it.
     *
     * @throws SQLException when a query fails; the check is then reported as failed
     * @throws CheckSkipped when the check finds that it does not apply after all
     */
    List<AuditFinding> run(AuditSession session) throws SQLException, CheckSkipped;
}

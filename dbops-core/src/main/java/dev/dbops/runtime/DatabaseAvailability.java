package dev.dbops.runtime;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (what {@code dbops.guard.on-unavailable} is about) from one that
 * refuses the application (wrong password, missing database, missing privilege), which always fails.
 */
public final class DatabaseAvailability {

    private DatabaseAvailability() {
    }

    /**
     * Whether the failure means the server could not be reached: a refused or timed-out connection, an unknown
     * host, a pool that timed out waiting for a connection, SQLSTATE class 08 other than a rejected connection
     * (08004), or the server shutting down or starting (57P01–57P03).
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof DbopsException dbops && dbops.code() == ErrorCode.AUTHENTICATION_FAILED) {
                return false;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") && !state.equals("08004") || state.startsWith("57P0")) {
                    return true;
                }
            }
        }
        return false;
    }
}

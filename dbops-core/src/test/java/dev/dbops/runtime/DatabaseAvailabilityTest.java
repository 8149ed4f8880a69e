package dev.dbops.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseAvailabilityTest {

    @Test
    void aRefusedConnectionAnywhereInTheCausesMeansUnavailable() {
        RuntimeException wrapped = new IllegalStateException("startup failed",
                new SQLException("connection attempt failed", new ConnectException("Connection refused")));

        assertThat(DatabaseAvailability.isUnavailable(wrapped)).isTrue();
        assertThat(DatabaseAvailability.isUnavailable(new SQLTransientConnectionException("pool timed out"))).isTrue();
    }

    @Test
    void connectionClassSqlStatesAndAServerShuttingDownMeanUnavailableButARejectedConnectionDoesNot() {
        assertThat(DatabaseAvailability.isUnavailable(new SQLException("gone", "08006"))).isTrue();
        assertThat(DatabaseAvailability.isUnavailable(new SQLException("starting up", "57P03"))).isTrue();
        assertThat(DatabaseAvailability.isUnavailable(new SQLException("rejected", "08004"))).isFalse();
        assertThat(DatabaseAvailability.isUnavailable(new SQLException("no such database", "3D000"))).isFalse();
    }

    @Test
    void anAuthenticationFailureIsNeverUnavailableEvenAroundANetworkCause() {
        DbopsException auth = new DbopsException(ErrorCode.AUTHENTICATION_FAILED, "password authentication failed",
                new ConnectException("Connection reset"));

        assertThat(DatabaseAvailability.isUnavailable(auth)).isFalse();
    }
}

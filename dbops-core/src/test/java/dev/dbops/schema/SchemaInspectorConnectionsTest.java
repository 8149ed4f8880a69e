package dev.dbops.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An inspection from a data source or URL reads on several connections in one snapshot; these
 * tests hold it to giving exactly what one connection gives, whatever the extra connections do.
 */
class SchemaInspectorConnectionsTest {

    private static final PostgresServer SERVER = PostgresProvider.shared();

    private static PostgresDatabase shopDatabase() throws Exception {
        PostgresDatabase database = SERVER.createDatabase();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(SchemaInspectorTest.shopSql());
        }
        return database;
    }

    private static Schema onOneConnection(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return SchemaInspector.builder().build().inspect(connection);
        }
    }

    @Test
    void readsTheSameSchemaOnSeveralConnectionsAsOnOne() throws Exception {
        try (PostgresDatabase database = shopDatabase()) {
            Schema expected = onOneConnection(database);

            for (int connections = 1; connections <= 4; connections++) {
                SchemaInspector inspector = SchemaInspector.builder().connections(connections).build();
                assertThat(inspector.inspect(database.url())).as("from the URL on %d connections", connections)
                        .isEqualTo(expected);
                assertThat(inspector.inspect(database.dataSource()))
                        .as("from a data source on %d connections", connections).isEqualTo(expected);
            }
        }
    }

    /**
     * The first connection is made slow, so the second one reads nearly everything, and a table is
     * created right after the first one exported its snapshot: the second connection must not see it.
     */
    @Test
    void readsEveryQueryInTheSnapshotOfTheFirstConnection() throws Exception {
        try (PostgresDatabase database = shopDatabase(); Connection admin = database.connect()) {
            List<String> readByExtraConnection = new CopyOnWriteArrayList<>();
            DataSource dataSource = dataSource(database.dataSource(), (connection, extra) -> proxy(connection,
                    (method, args) -> {
                        // Just before the second connection imports the snapshot (the table must stay unseen).
                        if (extra && method.equals("prepareStatement") && readByExtraConnection.isEmpty()
                                && ((String) args[0]).contains("set transaction snapshot")) {
                            readByExtraConnection.add("joined");
                            try (Statement statement = admin.createStatement()) {
                                statement.execute("create table shop.created_after_the_snapshot (id int)");
                            }
                        }
                        if (method.equals("prepareStatement")) {
                            String sql = (String) args[0];
                            if (extra) {
                                readByExtraConnection.add(sql);
                            } else if (sql.contains("any(?::oid[])")) {
                                Thread.sleep(150);
                            }
                        }
                    }));

            Schema schema = SchemaInspector.builder().connections(2).build().inspect(dataSource);

            assertThat(readByExtraConnection).as("the second connection read the tables")
                    .anyMatch(sql -> sql.contains("c.relpersistence"));
            assertThat(schema.tables()).extracting(Table::name).containsExactly("customers", "orders");
            assertThat(onOneConnection(database).tables()).extracting(Table::name)
                    .contains("created_after_the_snapshot");
        }
    }

    @Test
    void carriesOnOnOneConnectionWhenTheOthersCannotOpen() throws Exception {
        try (PostgresDatabase database = shopDatabase()) {
            DataSource dataSource = dataSource(database.dataSource(), (connection, extra) -> {
                if (extra) {
                    connection.close();
                    throw new SQLException("too many clients already", "53300");
                }
                return connection;
            });

            Schema schema = SchemaInspector.builder().connections(3).build().inspect(dataSource);

            assertThat(schema).isEqualTo(onOneConnection(database));
        }
    }

    @Test
    void givesEveryConnectionBackClosedAndInItsAutoCommitMode() throws Exception {
        try (PostgresDatabase database = shopDatabase()) {
            List<Boolean> autoCommitWhenClosed = new CopyOnWriteArrayList<>();
            DataSource dataSource = dataSource(database.dataSource(), (connection, extra) -> {
                connection.setAutoCommit(false);
                return proxy(connection, (method, args) -> {
                    if (method.equals("close")) {
                        autoCommitWhenClosed.add(connection.getAutoCommit());
                    }
                });
            });

            SchemaInspector.builder().connections(3).build().inspect(dataSource);

            assertThat(autoCommitWhenClosed).as("one entry per connection, in the mode the pool gave it")
                    .isNotEmpty().hasSizeLessThanOrEqualTo(3).containsOnly(false);
        }
    }

    @Test
    void failsWithTheConnectionErrorWhenNoConnectionOpens() {
        DataSource unreachable = dataSource(null, (connection, extra) -> {
            throw new SQLException("connection refused", "08001");
        });

        assertThatThrownBy(() -> SchemaInspector.builder().build().inspect(unreachable))
                .isInstanceOf(DbopsException.class)
                .hasMessageContaining("connection refused")
                .extracting(e -> ((DbopsException) e).code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
    }

    @Test
    void refusesAConnectionCountOutsideOneToEight() {
        assertThatThrownBy(() -> SchemaInspector.builder().connections(0).build())
                .isInstanceOf(DbopsException.class)
                .hasMessageContaining("connections must be between 1 and 8, was 0");
        assertThatThrownBy(() -> SchemaInspector.builder().connections(9).build())
                .hasMessageContaining("was 9");
    }

    /** What a test does to each connection the inspector opens; {@code extra} for all but the caller's thread's. */
    @FunctionalInterface
    private interface OnOpen {
        Connection opened(Connection connection, boolean extra) throws SQLException;
    }

    /** Sees every call on a connection before it is made. */
    @FunctionalInterface
    private interface Spy {
        void before(String method, Object[] args) throws Exception;
    }

    /** A data source that hands each new connection to {@code onOpen}; extra ones open on the inspector's threads. */
    private static DataSource dataSource(DataSource target, OnOpen onOpen) {
        Thread caller = Thread.currentThread();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
                        Connection connection = target == null ? null : target.getConnection();
                        return onOpen.opened(connection, Thread.currentThread() != caller);
                    }
                    return invoke(target, method, args);
                });
    }

    private static Connection proxy(Connection target, Spy spy) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    spy.before(method.getName(), args);
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

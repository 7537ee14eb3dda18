package org.splitcast.license.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.splitcast.license.AccessSource;
import org.splitcast.license.internal.LicenseRecordWriter.Outcome;
import org.splitcast.license.metrics.internal.LicenseMetrics;

/**
 * The group commit's rows and nonce refusal on an in-memory H2 database, one request at a time
 * (the racing twins are {@code HardeningIT}'s): the transaction is the test's connection, its
 * commit or rollback runs the writer's synchronization as the container would.
 */
class LicenseRecordWriterTest {

    private Connection connection;
    private final List<Synchronization> synchronizations = new ArrayList<>();
    private LicenseRecordWriter writer;

    @BeforeEach
    void database() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:records-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            // the columns of V2__licenses.sql and V7__license_nonce.sql (without the foreign keys)
            s.execute("create table license_issue (id varchar(64) primary key, subscriber_id varchar(64) not null,"
                    + " terminal_id varchar(64) not null, content_id varchar(64) not null, key_id varchar(64) not null,"
                    + " access varchar(16) not null, issued_at timestamp with time zone not null,"
                    + " expires_at timestamp with time zone not null)");
            s.execute("create table license_nonce (terminal_id varchar(64) not null, nonce varchar(86) not null,"
                    + " expires_at timestamp with time zone not null, primary key (terminal_id, nonce))");
        }
        connection.commit();
        writer = new LicenseRecordWriter();
        writer.metrics = new LicenseMetrics();
        writer.dataSource = transactionDataSource();
        writer.transactions = (TransactionSynchronizationRegistry) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "registerInterposedSynchronization" -> synchronizations.add((Synchronization) args[0]);
                    case "getTransactionKey" -> "tx";
                    case "setRollbackOnly" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void writesTheLicenseAndItsNonceInTheRequestsTransaction() throws SQLException {
        Instant until = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        LicenseIssue row = row("tv-1");

        assertEquals(Outcome.WRITTEN, writer.write(row, "nonce-a", until));
        commit();

        assertEquals(1, count("select count(*) from license_issue where id = '" + row.id() + "'"));
        assertEquals(until, nonceExpiry("tv-1", "nonce-a"));
    }

    @Test
    void aCommittedNonceIsRefusedWhileItIsValidAndWritesNothing() throws SQLException {
        Instant until = Instant.now().plus(1, ChronoUnit.HOURS);
        assertEquals(Outcome.WRITTEN, writer.write(row("tv-1"), "nonce-a", until));
        commit();

        assertEquals(Outcome.NONCE_REUSED, writer.write(row("tv-1"), "nonce-a", until));
        rollback();
        // the same nonce from another terminal is another nonce
        assertEquals(Outcome.WRITTEN, writer.write(row("tv-2"), "nonce-a", until));
        commit();

        assertEquals(2, count("select count(*) from license_issue"));
        assertEquals(1, count("select count(*) from license_issue where terminal_id = 'tv-1'"));
    }

    @Test
    void anExpiredNonceIsReplacedWithTheNewExpiry() throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("insert into license_nonce values ('tv-1', 'nonce-a', ?)")) {
            ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
            ps.executeUpdate();
        }
        connection.commit();
        Instant until = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);

        assertEquals(Outcome.WRITTEN, writer.write(row("tv-1"), "nonce-a", until));
        commit();

        assertEquals(until, nonceExpiry("tv-1", "nonce-a"));
        assertEquals(1, count("select count(*) from license_issue"));
    }

    @Test
    void aRolledBackBatchLeavesTheNonceFreeForTheNextRequest() throws SQLException {
        Instant until = Instant.now().plus(1, ChronoUnit.HOURS);
        assertEquals(Outcome.WRITTEN, writer.write(row("tv-1"), "nonce-a", until));
        rollback();

        assertEquals(0, count("select count(*) from license_nonce"));
        assertEquals(Outcome.WRITTEN, writer.write(row("tv-1"), "nonce-a", until));
        commit();
        assertEquals(1, count("select count(*) from license_issue"));
    }

    @Test
    void aBatchsStoredNoncesAreFoundWithFewQueriesOfEverySize() throws SQLException {
        Instant until = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement ps = connection.prepareStatement("insert into license_nonce values (?, ?, ?)")) {
            // every 7th pair of 300 is stored, each with its own expiry
            for (int i = 0; i < 300; i += 7) {
                ps.setString(1, "tv-" + (i % 5));
                ps.setString(2, "nonce-" + i);
                ps.setObject(3, OffsetDateTime.ofInstant(until.plusSeconds(i), ZoneOffset.UTC));
                ps.executeUpdate();
            }
        }
        connection.commit();
        // batch sizes that use each statement size, padded or not, and more than the largest
        for (int size : new int[] {1, 2, 8, 9, 33, 256, 300}) {
            List<LicenseRecordWriter.Pending> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(new LicenseRecordWriter.Pending(row("tv-" + (i % 5)), "nonce-" + i, until));
            }
            // the same nonce on another terminal is not stored
            batch.add(new LicenseRecordWriter.Pending(row("tv-9"), "nonce-0", until));

            // both ways: IN lists (PostgreSQL's) and one look-up per row (H2's), the same answer
            for (boolean inLists : new boolean[] {true, false}) {
                var stored = LicenseRecordWriter.storedNonces(connection, batch, inLists);

                int expected = 0;
                for (int i = 0; i < size; i++) {
                    if (i % 7 == 0) {
                        expected++;
                        assertEquals(
                                until.plusSeconds(i),
                                stored.get("tv-" + (i % 5) + "\n" + "nonce-" + i),
                                "pair " + i + (inLists ? " (in lists)" : " (per row)"));
                    }
                }
                assertEquals(expected, stored.size(), "batch of " + size + (inLists ? " (in lists)" : " (per row)"));
            }
        }
    }

    private static LicenseIssue row(String terminalId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new LicenseIssue(
                "lic-" + UUID.randomUUID(),
                "sub-1",
                terminalId,
                "film-1",
                "key-1",
                AccessSource.PRECOMPUTED,
                now,
                now.plus(1, ChronoUnit.HOURS));
    }

    private void commit() throws SQLException {
        connection.commit();
        complete(Status.STATUS_COMMITTED);
    }

    private void rollback() throws SQLException {
        connection.rollback();
        complete(Status.STATUS_ROLLEDBACK);
    }

    private void complete(int status) {
        List<Synchronization> done = new ArrayList<>(synchronizations);
        synchronizations.clear();
        done.forEach(s -> s.afterCompletion(status));
    }

    private long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Instant nonceExpiry(String terminalId, String nonce) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "select expires_at from license_nonce where terminal_id = ? and nonce = ?")) {
            ps.setString(1, terminalId);
            ps.setString(2, nonce);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    /** The test's connection, whose close() leaves it open: one connection per transaction, as JTA's. */
    private DataSource transactionDataSource() {
        Connection handle = (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new DataSource() {
            @Override
            public Connection getConnection() {
                return handle;
            }

            @Override
            public Connection getConnection(String user, String password) {
                return handle;
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {}

            @Override
            public void setLoginTimeout(int seconds) {}

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}

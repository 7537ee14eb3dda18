package org.splitcast.license.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.splitcast.common.SplitcastDatasource;
import org.splitcast.license.metrics.internal.LicenseMetrics;

/**
 * The group commit of license records and their nonces (issue 12): many requests' {@link
 * LicenseIssue} rows and {@code license_nonce} rows in one transaction, each request returning only
 * once its own rows are committed, so that no license is ever issued without its record (play
 * counts and the viewing history depend on it) and no nonce is accepted twice.
 *
 * <p>No thread and no connection of its own: a request queues its row; if no request is taking
 * rows, it becomes the writer, takes its own row and every row queued (up to {@link #MAX_BATCH}),
 * writes them in <em>its own request's transaction</em> and returns; the other requests of the
 * batch are woken when that transaction completes (a {@link Synchronization} after completion), and
 * answer only if it committed. A waiting request holds no connection (its nonce goes with the
 * batch), so the writer's connection is the batch's only one and the pool cannot run dry. A waiting
 * request is never a writer, and a writer waits for nobody, so no lock can close a cycle. Under load
 * the batches grow by themselves; alone, a request writes its own rows in its own transaction.
 *
 * <p>Replays: a nonce is refused at once if a request of this node with the same (terminal, nonce)
 * is still being written (an in-memory set of the nonces in flight), and by the batch if the table
 * holds it unexpired: one query per batch on the primary key. An expired row of the same nonce is
 * replaced (the sweep in {@code StoreHousekeeping} deletes the others, so no request scans a
 * terminal's nonces). If the writer's own nonce is a replay, it puts the other rows back in the
 * queue and is refused alone. A batch whose transaction rolls back (another node inserted one of its
 * nonces between the query and the insert, a terminal deleted meanwhile) answers {@link
 * Outcome#ROLLED_BACK} to each waiting request, which then writes its own rows alone.
 * {@code splitcast_license_record_batch_rows} shows the batch sizes. The rows are written with JDBC on
 * the transaction's connection (the JTA datasource gives the entity manager's connection): no
 * entity manager here (a {@code @PersistenceContext} in this CDI bean made WildFly start CDI before
 * the persistence unit), no EJB in between (an interceptor chain per license), no flush of entities.
 */
@ApplicationScoped
public class LicenseRecordWriter {

    /** At most this many rows in one transaction. */
    static final int MAX_BATCH = 256;

    /** What became of a request's rows. */
    public enum Outcome {
        /** Committed (or, for the writer, written in its transaction, which commits them). */
        WRITTEN,
        /** The terminal already sent this nonce within a license's validity: nothing written. */
        NONCE_REUSED,
        /** The batch's transaction rolled back: nothing written, the request may write alone. */
        ROLLED_BACK
    }

    static final class Pending {
        final LicenseIssue row;
        final String nonce;
        final Instant nonceExpiresAt;
        final String key;
        final CountDownLatch done = new CountDownLatch(1);
        volatile Outcome outcome;

        Pending(LicenseIssue row, String nonce, Instant nonceExpiresAt) {
            this.row = row;
            this.nonce = nonce;
            this.nonceExpiresAt = nonceExpiresAt;
            this.key = row.terminalId() + '\n' + nonce;
        }

        void complete(Outcome o) {
            if (done.getCount() > 0) {
                outcome = o;
                done.countDown();
            }
        }
    }

    @Inject
    LicenseMetrics metrics;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * The JTA datasource of the license entity manager: in a transaction its connection is the one
     * the entity manager uses (one connection per transaction).
     */
    @Resource(lookup = SplitcastDatasource.JNDI_NAME)
    DataSource dataSource;

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean taking = new AtomicBoolean();
    /** (terminal, nonce) of every request between its arrival here and the end of its batch. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Rows in the last batch: more than one means concurrent requests, worth waiting for. */
    private volatile int lastBatch;

    /**
     * Under concurrent load (the last batch had more than one row), the writer waits this long
     * before taking the queue, so that the rows of requests a moment behind join the batch: fewer
     * transactions (each costs a flush and a commit), a little more latency. 0: no wait.
     */
    @Inject
    @ConfigProperty(name = "splitcast.license.group-commit-linger-micros", defaultValue = "500")
    long lingerMicros;

    /**
     * Called inside the request's transaction: records the license and the request's nonce, valid
     * until {@code nonceExpiresAt}. Returns once both are committed, or (when this request writes
     * the batch) once they are written in this transaction, which commits them.
     */
    public Outcome write(LicenseIssue row, String nonce, Instant nonceExpiresAt) {
        Pending mine = new Pending(row, nonce, nonceExpiresAt);
        if (!inFlight.add(mine.key)) {
            return Outcome.NONCE_REUSED;
        }
        boolean released = false;
        try {
            queue.add(mine);
            boolean interrupted = false;
            while (mine.done.getCount() > 0) {
                if (taking.compareAndSet(false, true)) {
                    List<Pending> batch;
                    try {
                        batch = take(mine);
                    } finally {
                        taking.set(false);
                    }
                    if (batch != null) {
                        Outcome outcome = writeInThisTransaction(batch);
                        // written: the batch's synchronization releases our nonce after the commit
                        released = outcome == Outcome.WRITTEN;
                        return outcome;
                    }
                    // our row was taken by another writer: wait for its transaction
                    continue;
                }
                try {
                    // another request is taking rows: woken when our row is committed; the timeout
                    // only re-checks whether our row is still queued with nobody taking it
                    mine.done.await(2, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            // written: the batch's synchronization releases our nonce; otherwise we do, now
            released = mine.outcome == Outcome.WRITTEN;
            return mine.outcome;
        } finally {
            if (!released) {
                inFlight.remove(mine.key);
            }
        }
    }

    /** Our row first, then the queued ones; null if another writer already took our row. */
    private List<Pending> take(Pending mine) {
        if (lastBatch > 1 && lingerMicros > 0 && queue.size() < MAX_BATCH) {
            LockSupport.parkNanos(lingerMicros * 1000);
        }
        if (!queue.remove(mine)) {
            return null;
        }
        List<Pending> batch = new ArrayList<>();
        batch.add(mine);
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        lastBatch = batch.size();
        return batch;
    }

    /** Writes the batch (ours first) in this request's transaction; the outcome of our own row. */
    private Outcome writeInThisTransaction(List<Pending> batch) {
        Pending mine = batch.get(0);
        List<Pending> others = new ArrayList<>(batch.subList(1, batch.size()));
        try {
            Instant now = Instant.now();
            Map<String, Instant> stored;
            try (Connection c = dataSource.getConnection()) {
                stored = storedNonces(c, batch);
            }
            Instant expiresAt = stored.get(mine.key);
            if (expiresAt != null && expiresAt.isAfter(now)) {
                // ours is a replay: this transaction will roll back with our refusal, so the others
                // go back to the queue, where the next writer takes them
                queue.addAll(others);
                return Outcome.NONCE_REUSED;
            }
            List<Pending> rows = new ArrayList<>(batch.size());
            List<Pending> expired = new ArrayList<>();
            rows.add(mine);
            if (expiresAt != null) {
                expired.add(mine);
            }
            for (Pending p : others) {
                Instant e = stored.get(p.key);
                if (e == null) {
                    rows.add(p);
                } else if (e.isAfter(now)) {
                    p.complete(Outcome.NONCE_REUSED);
                    inFlight.remove(p.key);
                } else {
                    rows.add(p);
                    expired.add(p);
                }
            }
            List<Pending> waiting = rows.subList(1, rows.size());
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing: the rows are inserted on the transaction's connection, it commits them
                }

                @Override
                public void afterCompletion(int status) {
                    boolean committed = status == Status.STATUS_COMMITTED;
                    if (committed) {
                        metrics.recordBatch(rows.size());
                    }
                    for (Pending p : waiting) {
                        p.complete(committed ? Outcome.WRITTEN : Outcome.ROLLED_BACK);
                    }
                    for (Pending p : rows) {
                        inFlight.remove(p.key);
                    }
                }
            });
            try (Connection c = dataSource.getConnection()) {
                insertRows(c, expired, rows);
            }
            return Outcome.WRITTEN;
        } catch (SQLException e) {
            for (Pending p : others) {
                p.complete(Outcome.ROLLED_BACK);
            }
            transactions.setRollbackOnly();
            throw new IllegalStateException("the license records could not be written", e);
        } catch (RuntimeException e) {
            // the others are not in a transaction that can still commit: they write alone (their
            // synchronization, if registered, finds them done); ours fails with this request
            for (Pending p : others) {
                p.complete(Outcome.ROLLED_BACK);
            }
            throw e;
        }
    }

    /**
     * The statement sizes of the nonce look-up: a batch's pairs go in the fewest statements of
     * these sizes (the last one padded by repeating a pair), so that a batch costs a round trip or
     * two and the driver's and the database's statement caches hold four statements.
     */
    static final int[] NONCE_QUERY_SIZES = {1, 8, 32, MAX_BATCH};

    private static final String[] SELECT_NONCES = selectNonces();

    private static final String SELECT_NONCE =
            "select expires_at from license_nonce where terminal_id = ? and nonce = ?";

    private static String[] selectNonces() {
        String[] sql = new String[NONCE_QUERY_SIZES.length];
        for (int i = 0; i < sql.length; i++) {
            StringBuilder b = new StringBuilder(
                    "select terminal_id, nonce, expires_at from license_nonce where (terminal_id, nonce) in (");
            for (int j = 0; j < NONCE_QUERY_SIZES[i]; j++) {
                b.append(j == 0 ? "(?, ?)" : ", (?, ?)");
            }
            sql[i] = b.append(')').toString();
        }
        return sql;
    }

    private static final String DELETE_NONCE = "delete from license_nonce where terminal_id = ? and nonce = ?";
    private static final String INSERT_NONCE =
            "insert into license_nonce (terminal_id, nonce, expires_at) values (?, ?, ?)";
    /** The columns of {@link LicenseIssue} (license_issue, V2__licenses.sql). */
    private static final String INSERT_LICENSE = "insert into license_issue (id, subscriber_id, terminal_id,"
            + " content_id, key_id, access, issued_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Whether the database finds row-value {@code IN} lists through the primary key: PostgreSQL
     * does; H2 2.x scans the whole table for them (a hit run slowed from thousands to 250 licenses
     * a second as {@code license_nonce} grew), and being in the process it pays no round trip for
     * one query per row. Found from the first connection.
     */
    private static volatile Boolean inListsUseTheKey;

    /** The expiry of each (terminal, nonce) of the batch that the table already holds. */
    static Map<String, Instant> storedNonces(Connection c, List<Pending> batch) throws SQLException {
        Boolean inLists = inListsUseTheKey;
        if (inLists == null) {
            inLists = c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
            inListsUseTheKey = inLists;
        }
        return storedNonces(c, batch, inLists);
    }

    /**
     * {@link #storedNonces(Connection, List)}: with {@code inLists}, one query per {@link
     * #NONCE_QUERY_SIZES} chunk (on PostgreSQL each query is a round trip); without, one primary-key
     * look-up per row.
     */
    static Map<String, Instant> storedNonces(Connection c, List<Pending> batch, boolean inLists) throws SQLException {
        Map<String, Instant> stored = new HashMap<>();
        if (!inLists) {
            try (PreparedStatement ps = c.prepareStatement(SELECT_NONCE)) {
                for (Pending p : batch) {
                    ps.setString(1, p.row.terminalId());
                    ps.setString(2, p.nonce);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            stored.put(
                                    p.key, rs.getObject(1, OffsetDateTime.class).toInstant());
                        }
                    }
                }
            }
            return stored;
        }
        int from = 0;
        while (from < batch.size()) {
            int left = batch.size() - from;
            int size = 0;
            while (size < NONCE_QUERY_SIZES.length - 1 && NONCE_QUERY_SIZES[size] < left) {
                size++;
            }
            int n = NONCE_QUERY_SIZES[size];
            try (PreparedStatement ps = c.prepareStatement(SELECT_NONCES[size])) {
                for (int j = 0; j < n; j++) {
                    // past the batch's end: the last pair again (the statement has a fixed size)
                    Pending p = batch.get(from + Math.min(j, left - 1));
                    ps.setString(2 * j + 1, p.row.terminalId());
                    ps.setString(2 * j + 2, p.nonce);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.put(
                                rs.getString(1) + '\n' + rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant());
                    }
                }
            }
            from += Math.min(n, left);
        }
        return stored;
    }

    /**
     * Deletes the expired rows of reused nonces, then inserts every row's nonce and license record
     * (JDBC batches; the entity manager's flush of the same rows cost more than the inserts).
     */
    private static void insertRows(Connection c, List<Pending> expired, List<Pending> rows) throws SQLException {
        if (!expired.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(DELETE_NONCE)) {
                for (Pending p : expired) {
                    ps.setString(1, p.row.terminalId());
                    ps.setString(2, p.nonce);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_NONCE)) {
            for (Pending p : rows) {
                ps.setString(1, p.row.terminalId());
                ps.setString(2, p.nonce);
                ps.setObject(3, OffsetDateTime.ofInstant(p.nonceExpiresAt, ZoneOffset.UTC));
                add(ps, rows.size());
            }
            execute(ps, rows.size());
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_LICENSE)) {
            for (Pending p : rows) {
                LicenseIssue r = p.row;
                ps.setString(1, r.id());
                ps.setString(2, r.subscriberId());
                ps.setString(3, r.terminalId());
                ps.setString(4, r.contentId());
                ps.setString(5, r.keyId());
                ps.setString(6, r.access().name());
                ps.setObject(7, OffsetDateTime.ofInstant(r.issuedAt(), ZoneOffset.UTC));
                ps.setObject(8, OffsetDateTime.ofInstant(r.expiresAt(), ZoneOffset.UTC));
                add(ps, rows.size());
            }
            execute(ps, rows.size());
        }
    }

    /*
     * One row alone is a plain update, more rows a JDBC batch (H2 builds an exception object, with
     * its stack trace, for every batch it executes).
     */
    private static void add(PreparedStatement ps, int rows) throws SQLException {
        if (rows > 1) {
            ps.addBatch();
        }
    }

    private static void execute(PreparedStatement ps, int rows) throws SQLException {
        if (rows > 1) {
            ps.executeBatch();
        } else {
            ps.executeUpdate();
        }
    }
}

package org.splitcast.registry.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migrations of every module (this one's and, on the test class path, the license server's)
 * make one ordered history, and run on both databases the product supports, and the constraints that guard the
 * data hold on both. The PostgreSQL half needs a server on 127.0.0.1:5432 (database test, user
 * postgres, as on the CI machine; -Dsplitcast.test.pg.url to change) and is skipped without one.
 */
class SchemaMigrationTest {

    private static final Set<String> TABLES = new TreeSet<>(Set.of(
            "subscriber",
            "content",
            "content_key",
            "terminal",
            "account",
            "entitlement",
            "content_package",
            "content_package_item",
            "license_signing_key",
            "precomputed_access",
            "license_issue",
            "license_nonce",
            "active_user",
            "content_access",
            "precompute_settings",
            "precompute_state",
            "precompute_run"));

    @Test
    void migratesAnEmptyH2DatabaseAndGuardsTheData() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");

        checkMigration(h2, "PUBLIC");
    }

    @Test
    void migratesASchemaWhereTheEjbTimerStoreCreatedItsTableFirst() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migration-timers-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement()) {
            // as WildFly's database-data-store does at boot, before the application deploys
            s.execute("create table JBOSS_EJB_TIMER (ID varchar(255) not null primary key, TIMED_OBJECT_ID"
                    + " varchar(255) not null, INITIAL_DATE timestamp, REPEAT_INTERVAL bigint)");
        }

        Flyway flyway = Migrations.flyway(h2, SchemaMigrationTest.class.getClassLoader());
        // every migration this class path holds (the registry's, and the license module's that the
        // tests see), none applied yet although the schema is not empty
        int pending = flyway.info().pending().length;
        assertTrue(pending >= 3, "V1 to V3 at least: " + pending);

        MigrateResult result = flyway.migrate();

        assertEquals(pending, result.migrationsExecuted, "all of them ran after the version-0 baseline");
        try (Connection c = h2.getConnection()) {
            Set<String> tables = tables(c, "PUBLIC");
            assertTrue(tables.containsAll(TABLES), "every table of ours: " + tables);
            assertTrue(tables.contains("jboss_ejb_timer"), "and the timer store's, untouched");
        }
        assertEquals(
                0,
                Migrations.flyway(h2, SchemaMigrationTest.class.getClassLoader())
                        .migrate()
                        .migrationsExecuted,
                "a second start migrates nothing");
    }

    @Test
    void migratesAnEmptyPostgresqlSchemaAndGuardsTheData() throws Exception {
        String url = System.getProperty("splitcast.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String schema = "splitcast_migration_test";
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL at " + url + ": " + e.getMessage());
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser("postgres");
        pg.setCurrentSchema(schema);
        try {
            checkMigration(pg, schema);
        } finally {
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private static void checkMigration(DataSource dataSource, String schema) throws SQLException {
        MigrateResult first = Migrations.flyway(dataSource, SchemaMigrationTest.class.getClassLoader())
                .migrate();
        MigrateResult second = Migrations.flyway(dataSource, SchemaMigrationTest.class.getClassLoader())
                .migrate();

        assertTrue(first.migrationsExecuted >= 1);
        assertEquals(0, second.migrationsExecuted, "a second start migrates nothing");
        try (Connection c = dataSource.getConnection()) {
            assertEquals(TABLES, tables(c, schema));
            try (Statement s = c.createStatement()) {
                s.execute("insert into subscriber values ('s1', 'S', '25-34', 'FR', 'premium', current_timestamp, 0)");
                // an AES_256 terminal must have its wrapped key and no public key
                assertThrows(
                        SQLException.class,
                        () -> s.execute("insert into terminal (id, subscriber_id, label, key_type, status,"
                                + " registered_at, version) values ('t1', 's1', 'x', 'AES_256', 'ACTIVE',"
                                + " current_timestamp, 0)"));
                // an unknown age band is refused
                assertThrows(
                        SQLException.class,
                        () -> s.execute("insert into subscriber values ('s2', 'S', '30-40', 'FR', 'premium',"
                                + " current_timestamp, 0)"));
                // a subscriber account needs its subscriber, a staff account must not have one
                assertThrows(
                        SQLException.class,
                        () -> s.execute("insert into account values ('u1', 'h', 'SUBSCRIBER', null,"
                                + " current_timestamp, 0)"));
                assertThrows(
                        SQLException.class,
                        () -> s.execute(
                                "insert into account values ('u2', 'h', 'OPERATOR', 's1', current_timestamp, 0)"));
                // deleting a subscriber takes its account along
                s.execute("insert into account values ('u3', 'h', 'SUBSCRIBER', 's1', current_timestamp, 0)");
                s.execute("delete from subscriber where id = 's1'");
                try (ResultSet r = s.executeQuery("select count(*) from account")) {
                    r.next();
                    assertEquals(0, r.getInt(1));
                }
                checkPrecomputedAccessStore(c, s);
                checkActiveUsers(s);
            }
        }
    }

    /** One entry per (terminal, content, key id), gone with its terminal. */
    private static void checkPrecomputedAccessStore(Connection c, Statement s) throws SQLException {
        s.execute("insert into subscriber values ('s3', 'S', '25-34', 'FR', 'premium', current_timestamp, 0)");
        s.execute("insert into content values ('c3', 'C', 'drama', 60, null, null, false, current_timestamp, 0)");
        for (String sql : new String[] {
            "insert into terminal (id, subscriber_id, label, key_type, wrapped_key, status, registered_at, version)"
                    + " values ('t3', 's3', 'x', 'AES_256', ?, 'ACTIVE', current_timestamp, 0)",
            "insert into content_key values ('k3', 'c3', ?, current_timestamp, null)",
            "insert into license_signing_key values ('ls3', 'PS256', ?, ?, current_timestamp, null)"
        }) {
            try (var insert = c.prepareStatement(sql)) {
                for (int i = 1; i <= insert.getParameterMetaData().getParameterCount(); i++) {
                    insert.setBytes(i, new byte[] {1});
                }
                insert.execute();
            }
        }
        String entry = "insert into precomputed_access values ('%s', 't3', 'c3', 'k3', 's3', 'ls3', 'jws', null,"
                + " current_timestamp, current_timestamp + interval '1' day)";
        s.execute(entry.formatted("a1"));
        assertThrows(SQLException.class, () -> s.execute(entry.formatted("a2")), "a second entry for the triple");
        s.execute("delete from terminal where id = 't3'");
        try (ResultSet r = s.executeQuery("select count(*) from precomputed_access")) {
            r.next();
            assertEquals(0, r.getInt(1), "entries go with their terminal");
        }
    }

    /** One place on the active list per subscriber, gone with them; one settings row at most. */
    private static void checkActiveUsers(Statement s) throws SQLException {
        s.execute("insert into subscriber values ('s4', 'S', '25-34', 'FR', 'premium', current_timestamp, 0)");
        String entry = "insert into active_user values ('s4', '%s', current_timestamp, current_timestamp, null)";
        s.execute(entry.formatted("NEW_TERMINAL"));
        assertThrows(SQLException.class, () -> s.execute(entry.formatted("ACCESS")), "a second place on the list");
        s.execute("delete from subscriber where id = 's4'");
        try (ResultSet r = s.executeQuery("select count(*) from active_user")) {
            r.next();
            assertEquals(0, r.getInt(1), "off the list with the subscriber");
        }
        String settings = "insert into precompute_settings values (%d, true, 50, 300, 3, %d, 'FIRST_K', 5, 20, 1000, 1,"
                + " current_timestamp, 0)";
        s.execute(settings.formatted(1, 60));
        assertThrows(SQLException.class, () -> s.execute(settings.formatted(2, 60)), "a second settings row");
        s.execute("delete from precompute_settings");
        assertThrows(SQLException.class, () -> s.execute(settings.formatted(1, 1)), "a period under the tick");
        try (ResultSet r = s.executeQuery("select count(*) from precompute_state where lease_until is null")) {
            r.next();
            assertEquals(1, r.getInt(1), "the run lease's row is there, free");
        }
    }

    private static Set<String> tables(Connection c, String schema) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet r = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                String name = r.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                if (!name.startsWith("flyway_")) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}

package org.splitcast.registry.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The Flyway configuration of splitcast: used at startup by {@link SchemaMigrator} and by the
 * migration tests. Each EJB module declares its own tables in {@code db/migration/<module>/} of its
 * jar: ejb-registry the registry's, ejb-license the license server's, ejb-session the session
 * server's; a missing folder is skipped.
 */
public final class Migrations {

    /**
     * Where the SQL migrations are: one folder per module, each in its own jar, one ordered history
     * (the version numbers are global: V1 registry, V2-V3 license server, V4 session server...).
     */
    public static final String[] LOCATIONS = {
        "classpath:db/migration/registry", "classpath:db/migration/license", "classpath:db/migration/session"
    };

    private Migrations() {}

    /** Flyway with the migrations that {@code classLoader} sees (the EAR's modules see each other's). */
    public static Flyway flyway(DataSource dataSource, ClassLoader classLoader) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations(LOCATIONS)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                // WildFly's database timer store (configure-precompute.cli) creates its own table,
                // JBOSS_EJB_TIMER, in the same schema when the server boots, before this runs: a
                // schema holding only tables we do not own gets a baseline at version 0, and every
                // migration from V1 on still runs
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("schema shared with the EJB timer store")
                .load();
    }
}

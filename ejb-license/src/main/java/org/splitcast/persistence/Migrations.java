package org.splitcast.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The Flyway configuration of splitcast: used at startup by {@link SchemaMigrator} and by the migration tests. */
public final class Migrations {

    /** Where the SQL migrations are, on the class path of this module. */
    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
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

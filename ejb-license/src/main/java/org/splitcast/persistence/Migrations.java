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
                .load();
    }
}

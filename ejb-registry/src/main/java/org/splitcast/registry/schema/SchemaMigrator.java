package org.splitcast.registry.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;
import org.splitcast.common.SplitcastDatasource;

/**
 * Brings the schema up to date at startup (and restricts the embedded database's files: {@link
 * DatabaseFiles}) with the Flyway migrations of every module ({@link Migrations}).
 * Beans that use the database at startup declare {@code @DependsOn("SchemaMigrator")}. Flyway
 * commits each migration itself, so this runs outside any container transaction; it takes
 * Flyway's lock table lock, so cluster nodes starting together migrate once.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

    @Resource(lookup = SplitcastDatasource.JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        MigrateResult result = Migrations.flyway(dataSource, SchemaMigrator.class.getClassLoader())
                .migrate();
        String schemaVersion =
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        DatabaseFiles.restrict(dataSource);
        LOG.infof(
                "Database schema of %s at version %s (%d migration(s) applied now)",
                result.database, schemaVersion, result.migrationsExecuted);
    }
}

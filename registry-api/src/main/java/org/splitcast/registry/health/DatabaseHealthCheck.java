package org.splitcast.registry.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.splitcast.common.SplitcastDatasource;

/**
 * Ready when a connection from the application's datasource answers within 2 seconds; reports
 * the database product and the schema version Flyway last applied.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    // Flyway's history table; quoted lower-case names match it on H2 (which Flyway quotes) and PostgreSQL
    private static final String SCHEMA_VERSION =
            "select \"version\" from \"flyway_schema_history\" where \"success\" = true"
                    + " and \"version\" is not null order by \"installed_rank\" desc";

    @Resource(lookup = SplitcastDatasource.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("splitcast-database").withData("datasource", SplitcastDatasource.JNDI_NAME);
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return response.status(valid)
                    .withData("product", connection.getMetaData().getDatabaseProductName())
                    .withData("schemaVersion", schemaVersion(connection))
                    .build();
        } catch (SQLException e) {
            return response.down()
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .build();
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(SCHEMA_VERSION)) {
            return rows.next() ? rows.getString(1) : "none";
        }
    }
}

package org.splitcast.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Run by the build before the integration tests on PostgreSQL: drops and recreates the test
 * schema, so that every run starts on an empty database. Arguments: JDBC URL, user, schema.
 */
public final class ResetPostgresSchema {

    private ResetPostgresSchema() {}

    public static void main(String[] args) throws SQLException {
        if (args.length != 3 || !args[2].matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("usage: ResetPostgresSchema <jdbc-url> <user> <schema>");
        }
        try (Connection c = DriverManager.getConnection(args[0], args[1], System.getenv("PGPASSWORD"));
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + args[2] + " cascade");
            s.execute("create schema " + args[2]);
        }
        System.out.println("PostgreSQL schema " + args[2] + " recreated at " + args[0]);
    }
}

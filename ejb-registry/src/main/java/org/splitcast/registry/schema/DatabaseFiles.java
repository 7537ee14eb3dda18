package org.splitcast.registry.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The embedded H2 database's files hold password hashes and wrapped keys: its folder is made
 * {@code 0700} and its files {@code 0600} (as the master keystore's folder), whatever the umask
 * they were created with. Nothing to do for a database server (PostgreSQL) or an in-memory H2.
 */
public final class DatabaseFiles {

    private static final Logger LOG = Logger.getLogger(DatabaseFiles.class);

    private DatabaseFiles() {}

    /** Restricts the files of the H2 database behind {@code dataSource}; the folder, or null if none. */
    public static Path restrict(DataSource dataSource) {
        String base;
        try (Connection c = dataSource.getConnection()) {
            if (!"H2".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())) {
                return null;
            }
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select database_path()")) {
                base = r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            LOG.warnf("Cannot find the database's files to restrict them: %s", e.getMessage());
            return null;
        }
        if (base == null || base.isEmpty()) {
            return null; // in memory
        }
        Path file = Path.of(base).toAbsolutePath();
        Path folder = file.getParent();
        String prefix = file.getFileName().toString();
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> files = Files.list(folder)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    if (p.getFileName().toString().startsWith(prefix) && Files.isRegularFile(p)) {
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
                    }
                }
            }
            return folder;
        } catch (UnsupportedOperationException e) {
            return null; // not a POSIX file system
        } catch (IOException e) {
            LOG.warnf("Cannot restrict the database's files in %s: %s", folder, e.getMessage());
            return null;
        }
    }
}

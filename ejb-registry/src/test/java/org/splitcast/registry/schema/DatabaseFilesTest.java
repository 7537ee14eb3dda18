package org.splitcast.registry.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseFilesTest {

    @Test
    void theH2FilesAreReadableByTheOwnerOnly(@TempDir Path data) throws Exception {
        Path folder = data.resolve("db");
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("splitcast") + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        try (Connection c = h2.getConnection()) {
            c.createStatement().execute("create table t (x int)");
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.toList();
            }
            assertFalse(files.isEmpty());
            Files.setPosixFilePermissions(files.get(0), PosixFilePermissions.fromString("rw-r--r--"));

            assertEquals(folder.toAbsolutePath(), DatabaseFiles.restrict(h2));

            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            for (Path f : files) {
                assertEquals(
                        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
            c.createStatement().execute("shutdown");
        }
    }

    @Test
    void anInMemoryDatabaseHasNoFiles() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:files-" + System.nanoTime());
        h2.setUser("sa");
        assertNull(DatabaseFiles.restrict(h2));
    }
}

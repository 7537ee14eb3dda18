package org.splitcast.session.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMediaStoreTest {

    @TempDir
    Path root;

    @Test
    void aStagedObjectIsInvisibleUntilPublishedAndThenWhole() throws IOException {
        FileMediaStore store = new FileMediaStore(root);
        MediaStore.Staged staged = store.stage("versions/v1/main.ts");
        Files.write(staged.file(), new byte[] {1, 2, 3, 4, 5});
        assertTrue(store.find("versions/v1/main.ts").isEmpty(), "not visible while staged");

        MediaStore.StoredObject published = store.publish(staged);
        assertEquals(5, published.length());
        assertFalse(Files.exists(staged.file()), "the staged file became the object");
        try (SeekableByteChannel in = store.read("versions/v1/main.ts")) {
            in.position(2);
            ByteBuffer b = ByteBuffer.allocate(3);
            in.read(b);
            assertArrayEquals(new byte[] {3, 4, 5}, b.array());
        }
    }

    @Test
    void aDiscardedObjectLeavesNothing() throws IOException {
        FileMediaStore store = new FileMediaStore(root);
        MediaStore.Staged staged = store.stage("versions/v2/main.ts");
        Files.write(staged.file(), new byte[1024]);
        store.discard(staged);
        assertFalse(Files.exists(staged.file()));
        assertTrue(store.find("versions/v2/main.ts").isEmpty());
        try (var files = Files.walk(root)) {
            assertEquals(0, files.filter(Files::isRegularFile).count(), "no file anywhere");
        }
    }

    @Test
    void aReplacedObjectGetsANewEtag() throws IOException, InterruptedException {
        FileMediaStore store = new FileMediaStore(root);
        MediaStore.Staged first = store.stage("a/b");
        Files.write(first.file(), new byte[] {1});
        String etag = store.publish(first).etag();
        Thread.sleep(5); // a later modification time (the ETag also covers the size and the file)
        MediaStore.Staged second = store.stage("a/b");
        Files.write(second.file(), new byte[] {1, 2});
        assertNotEquals(etag, store.publish(second).etag());
    }

    @Test
    void keysCannotLeaveTheStore() throws IOException {
        FileMediaStore store = new FileMediaStore(root);
        for (String key : new String[] {"../x", "a/../../x", "/etc/passwd", "", "a//b", ".hidden"}) {
            assertThrows(IllegalArgumentException.class, () -> store.stage(key), key);
            assertThrows(IllegalArgumentException.class, () -> store.find(key), key);
        }
    }

    @Test
    void foldersAreOwnerOnlyAndDeleteAllRemovesAPrefix() throws IOException {
        FileMediaStore store = new FileMediaStore(root);
        for (String key :
                new String[] {"versions/v3/main.ts", "versions/v3/complementary.scps", "versions/v4/main.ts"}) {
            MediaStore.Staged s = store.stage(key);
            Files.write(s.file(), new byte[] {7});
            store.publish(s);
        }
        assertEquals(
                Set.of(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE),
                Files.getPosixFilePermissions(root.resolve("objects/versions/v3")));
        store.deleteAll("versions/v3");
        assertTrue(store.find("versions/v3/main.ts").isEmpty());
        assertTrue(store.find("versions/v3/complementary.scps").isEmpty());
        assertTrue(store.find("versions/v4/main.ts").isPresent(), "another prefix stays");
    }

    @Test
    void clearStagingRemovesLeftoversOfACrash() throws IOException {
        FileMediaStore store = new FileMediaStore(root);
        MediaStore.Staged left = store.stage("versions/v5/main.ts");
        Files.write(left.file(), new byte[10]);
        new FileMediaStore(root).clearStaging();
        assertFalse(Files.exists(left.file()));
    }
}

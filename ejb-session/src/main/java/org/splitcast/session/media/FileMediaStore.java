package org.splitcast.session.media;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@link MediaStore} on a folder: {@code <root>/objects/<key>} for published objects, {@code
 * <root>/staging/} for objects being written (same file system, so publishing is an atomic
 * rename). Folders are owner-only. The ETag of an object is its size and modification time with
 * the file's inode-independent identity (a published object is never modified in place: a new one
 * replaces it, with a new time).
 */
public final class FileMediaStore implements MediaStore {

    /** Keys: path segments of letters, digits, '.', '_' and '-', separated by '/'. */
    private static final Pattern KEY =
            Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){0,7}");

    private final Path objects;
    private final Path staging;

    public FileMediaStore(Path root) throws IOException {
        this.objects = root.resolve("objects");
        this.staging = root.resolve("staging");
        createOwnerOnly(root);
        createOwnerOnly(objects);
        createOwnerOnly(staging);
    }

    /** Removes staged leftovers of a previous run (at startup, before anything is staged). */
    public void clearStaging() throws IOException {
        deleteTree(staging, false);
    }

    @Override
    public Staged stage(String key) throws IOException {
        Path target = object(key);
        Path file = staging.resolve(UUID.randomUUID() + ".part");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return new FileStaged(key, file, target);
    }

    @Override
    public StoredObject publish(Staged staged) throws IOException {
        FileStaged s = (FileStaged) staged;
        try (FileChannel channel = FileChannel.open(s.file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        createOwnerOnly(s.target.getParent());
        try {
            Files.move(s.file, s.target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the media store's staging and object folders are not on one file system", e);
        }
        return find(s.key).orElseThrow(() -> new IOException("published object vanished: " + s.key));
    }

    @Override
    public void discard(Staged staged) {
        try {
            Files.deleteIfExists(((FileStaged) staged).file);
        } catch (IOException ignored) {
            // a leftover is removed at the next start
        }
    }

    @Override
    public Optional<StoredObject> find(String key) throws IOException {
        Path file = object(key);
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = a.lastModifiedTime().toMillis();
            String etag = "\"" + Long.toHexString(a.size()) + "-" + Long.toHexString(modified) + "-"
                    + Integer.toHexString(String.valueOf(a.fileKey()).hashCode()) + "\"";
            return Optional.of(
                    new StoredObject(key, a.size(), a.lastModifiedTime().toInstant(), etag));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public SeekableByteChannel read(String key) throws IOException {
        return FileChannel.open(object(key), StandardOpenOption.READ);
    }

    @Override
    public Path localFile(String key) throws IOException {
        Path file = object(key);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(key);
        }
        return file;
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
        Path tree = object(prefix);
        if (Files.isDirectory(tree)) {
            deleteTree(tree, true);
        } else {
            Files.deleteIfExists(tree);
        }
    }

    @Override
    public long usableSpace() throws IOException {
        return Files.getFileStore(staging).getUsableSpace();
    }

    private Path object(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("not a media store key: " + key);
        }
        return objects.resolve(key);
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: its own permissions apply
        }
    }

    private static void deleteTree(Path root, boolean includingRoot) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (includingRoot || !dir.equals(root)) {
                    Files.deleteIfExists(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private record FileStaged(String key, Path file, Path target) implements Staged {}
}

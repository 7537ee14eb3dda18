package org.splitcast.separation.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An output file that appears whole or not at all: it is written under a hidden temporary name in
 * the same folder ({@code .NAME.<random>.part}), flushed to disk and renamed over the target by
 * {@link #commit()}; {@link #close()} without a commit deletes the temporary. A failed run, a full
 * disk or an interrupted program therefore never leaves a partial output behind ({@link
 * #deleteAllPending()} is for shutdown hooks).
 */
public final class AtomicFile implements Closeable {

    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private boolean committed;
    private boolean closed;

    private AtomicFile(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
    }

    /** Creates the temporary file next to {@code target}. */
    public static AtomicFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        Path temporary = absolute.resolveSibling(
                "." + absolute.getFileName() + "." + HexFormat.of().formatHex(suffix) + ".part");
        FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        PENDING.add(temporary);
        return new AtomicFile(absolute, temporary, channel);
    }

    public FileChannel channel() {
        return channel;
    }

    /** A stream over {@link #channel()}; closing it does not commit. */
    public OutputStream stream() {
        OutputStream out = Channels.newOutputStream(channel);
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        };
    }

    public Path target() {
        return target;
    }

    public Path temporary() {
        return temporary;
    }

    /** Flushes the data to disk and renames the temporary over the target. */
    public void commit() throws IOException {
        flushAndClose();
        publish();
    }

    private void flushAndClose() throws IOException {
        if (channel.isOpen()) {
            channel.force(true);
            channel.close();
        }
    }

    private void publish() throws IOException {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
        closed = true;
        PENDING.remove(temporary);
    }

    /**
     * Commits files that only make sense together (a main stream and its complementary
     * information): all are flushed to disk first, then renamed one after the other; if a rename
     * fails, the targets already renamed by this call are deleted again, so that either all the
     * targets are new or none of them exists (an earlier file of the same name that was replaced
     * is gone in that case, never left half-paired). The files not committed are then deleted by
     * {@link #close()} as usual.
     */
    public static void commitAll(AtomicFile... files) throws IOException {
        for (AtomicFile f : files) {
            f.flushAndClose();
        }
        for (int i = 0; i < files.length; i++) {
            try {
                files[i].publish();
            } catch (IOException e) {
                for (int j = 0; j < i; j++) {
                    try {
                        Files.deleteIfExists(files[j].target);
                    } catch (IOException undo) {
                        e.addSuppressed(undo);
                    }
                }
                throw e;
            }
        }
    }

    /** Without a prior {@link #commit()}: deletes the temporary. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(temporary);
            PENDING.remove(temporary);
        }
    }

    /** Deletes every temporary not yet committed or closed (for a shutdown hook). */
    public static void deleteAllPending() {
        for (Path p : PENDING) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // best effort at shutdown
            }
        }
        PENDING.clear();
    }

    /** Closes {@code file} and adds any failure to {@code primary} instead of hiding it. */
    public static void closeQuietly(AtomicFile file, Throwable primary) {
        if (file == null) {
            return;
        }
        try {
            file.close();
        } catch (IOException e) {
            if (primary != null) {
                primary.addSuppressed(e);
            }
        }
    }
}

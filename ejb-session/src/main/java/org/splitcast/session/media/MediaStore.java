package org.splitcast.session.media;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Where stored media lives: objects named by keys ({@code versions/<id>/main.ts}), written
 * privately and published whole, then read by ranges. Nothing is ever visible half-written: an
 * object is either absent or complete under its key.
 */
public interface MediaStore {

    /**
     * Space to write one object privately: a local file that only the caller sees, published under
     * {@code key} by {@link #publish} or dropped by {@link #discard}. (An object store stages the
     * same way, then uploads on publish.)
     */
    Staged stage(String key) throws IOException;

    /** Makes the staged object visible under its key, whole and at once (replacing any earlier one). */
    StoredObject publish(Staged staged) throws IOException;

    /** Drops a staged object (never fails; idempotent). */
    void discard(Staged staged);

    /** The object under {@code key}, if any. */
    Optional<StoredObject> find(String key) throws IOException;

    /** The object's bytes, for random access; the caller closes the channel. */
    SeekableByteChannel read(String key) throws IOException;

    /**
     * The object as a local file, for readers that need one (the protected store reader); an
     * object store would download it to a local cache first.
     */
    Path localFile(String key) throws IOException;

    /** Deletes every object whose key starts with {@code prefix} (and staged leftovers); idempotent. */
    void deleteAll(String prefix) throws IOException;

    /** Bytes still free for new objects (an estimate). */
    long usableSpace() throws IOException;

    /** An object being written. */
    interface Staged {
        String key();

        /** Where to write it. */
        Path file();
    }

    /**
     * A published object.
     *
     * @param etag a strong validator of its bytes, quoted (changes whenever they do)
     */
    record StoredObject(String key, long length, Instant lastModified, String etag) {}
}

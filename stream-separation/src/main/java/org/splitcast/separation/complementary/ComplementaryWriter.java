package org.splitcast.separation.complementary;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * Writes a complementary-information container. To a {@link FileChannel} the header is rewritten
 * at the end with the main stream's length and fingerprint; to a plain {@link OutputStream} (a
 * pipe, a socket) they are in the trailer only.
 *
 * <p>The writer does not close what it writes to.
 */
public final class ComplementaryWriter implements ComplementarySink {

    private final OutputStream out;
    private final FileChannel channel;
    private long bytesWritten;
    private long chunks;

    private ComplementaryWriter(OutputStream out, FileChannel channel) {
        this.out = out;
        this.channel = channel;
    }

    /** A writer for a stream that cannot be rewound. */
    public static ComplementaryWriter toStream(OutputStream out) {
        return new ComplementaryWriter(out, null);
    }

    /** A writer for a file: the header gets the fingerprint at the end. */
    public static ComplementaryWriter toChannel(FileChannel channel) {
        return new ComplementaryWriter(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), channel);
    }

    @Override
    public void begin(ComplementaryInfo header) throws IOException {
        write(header.encode());
    }

    @Override
    public void chunk(ComplementaryChunk chunk) throws IOException {
        write(chunk.encode());
        chunks++;
    }

    @Override
    public void end(ComplementaryInfo completedHeader, ComplementaryTrailer trailer) throws IOException {
        write(trailer.encode());
        out.flush();
        if (channel != null) {
            ByteBuffer header = ByteBuffer.wrap(completedHeader.encode());
            long position = 0;
            while (header.hasRemaining()) {
                position += channel.write(header, position);
            }
        }
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        bytesWritten += bytes.length;
    }

    /** Bytes of container written so far. */
    public long bytesWritten() {
        return bytesWritten;
    }

    public long chunksWritten() {
        return chunks;
    }
}

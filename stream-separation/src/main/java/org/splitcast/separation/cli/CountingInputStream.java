package org.splitcast.separation.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts the bytes read through it and reports the running total. */
final class CountingInputStream extends FilterInputStream {

    private final LongConsumer listener;
    private long count;

    CountingInputStream(InputStream in, LongConsumer listener) {
        super(in);
        this.listener = listener;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            listener.accept(++count);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
            listener.accept(count);
        }
        return n;
    }

    long count() {
        return count;
    }
}

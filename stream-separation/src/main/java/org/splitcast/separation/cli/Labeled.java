package org.splitcast.separation.cli;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Streams whose I/O errors say which file they concern ("writing main.ts: No space left"). */
final class Labeled {

    private Labeled() {}

    static IOException label(String what, IOException e) {
        if (e instanceof LabeledIOException) {
            return e;
        }
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new LabeledIOException(what + ": " + message, e);
    }

    /** An I/O error that already names its file. */
    static final class LabeledIOException extends IOException {
        private static final long serialVersionUID = 1L;

        LabeledIOException(String message, IOException cause) {
            super(message, cause);
        }
    }

    static InputStream input(InputStream in, String what) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw label("reading " + what, e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw label("reading " + what, e);
                }
            }
        };
    }

    static OutputStream output(OutputStream out, String what) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                try {
                    out.write(b);
                } catch (IOException e) {
                    throw label("writing " + what, e);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw label("writing " + what, e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw label("writing " + what, e);
                }
            }

            @Override
            public void close() {
                // the owner closes the underlying stream
            }
        };
    }
}

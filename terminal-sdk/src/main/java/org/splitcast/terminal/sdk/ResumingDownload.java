package org.splitcast.terminal.sdk;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The main stream as an {@link InputStream} that survives dropped connections: when the body
 * breaks off (an I/O error, or its end before {@code Content-Length}), it asks again from the next
 * byte with {@code Range: bytes=N-} (and {@code If-Range} with the first answer's strong {@code
 * ETag}), at most {@code maxRetries} times in a row without progress, waiting a little longer each
 * time. A server that ignores the range is read from the start and the bytes already delivered are
 * skipped; a main stream whose {@code ETag} changed in between is an error, never a splice of two
 * files. Memory: the HTTP client's few buffers.
 */
public final class ResumingDownload extends InputStream {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final long MAX_BACKOFF_MILLIS = 2_000;

    private final DeliveryClient client;
    private final URI uri;
    private final long length;
    private final String etag;
    private final int maxRetries;
    private InputStream body;
    private long position;
    private int failures;
    private int resumes;
    private boolean closed;

    private ResumingDownload(
            DeliveryClient client, URI uri, long length, String etag, int maxRetries, InputStream body) {
        this.client = client;
        this.uri = uri;
        this.length = length;
        this.etag = etag;
        this.maxRetries = maxRetries;
        this.body = body;
    }

    static ResumingDownload open(DeliveryClient client, URI uri, int maxRetries)
            throws IOException, LicenseRequestException {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        HttpResponse<InputStream> response = client.send(request(client, uri).build());
        if (response.statusCode() != 200) {
            try (InputStream in = response.body()) {
                throw Problems.refusal(
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        in.readNBytes(LicenseClient.MAX_BODY_BYTES));
            }
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (length < 0) {
            response.body().close();
            throw new IOException(uri + " did not say how long the main stream is (no Content-Length)");
        }
        String etag = response.headers().firstValue("ETag").orElse(null);
        return new ResumingDownload(client, uri, length, etag, maxRetries, response.body());
    }

    private static HttpRequest.Builder request(DeliveryClient client, URI uri) {
        return HttpRequest.newBuilder(uri).timeout(client.timeout()).GET();
    }

    /** The main stream's length ({@code Content-Length} of the first answer). */
    public long length() {
        return length;
    }

    /** Bytes delivered so far. */
    public long position() {
        return position;
    }

    /** How many times the download was resumed. */
    public int resumes() {
        return resumes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("the main stream download is closed");
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (position >= length) {
                return -1;
            }
            int n;
            try {
                n = body.read(b, off, (int) Math.min(len, length - position));
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                resume(e);
                continue;
            }
            if (n < 0) {
                resume(new EOFException("the connection ended at byte " + position + " of " + length));
                continue;
            }
            position += n;
            failures = 0;
            return n;
        }
    }

    private void resume(IOException cause) throws IOException {
        closeBody();
        while (true) {
            failures++;
            if (failures > maxRetries) {
                IOException e = new IOException("the main stream download broke off at byte " + position + " of "
                        + length + " and " + maxRetries + " attempts to resume failed: " + describe(cause));
                e.initCause(cause);
                throw e;
            }
            try {
                Thread.sleep(Math.min(MAX_BACKOFF_MILLIS, 100L << Math.min(failures, 10)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while resuming the main stream download");
            }
            try {
                body = reopen();
                resumes++;
                return;
            } catch (MainStreamChangedException e) {
                throw e;
            } catch (IOException e) {
                cause = e;
            }
        }
    }

    private InputStream reopen() throws IOException {
        HttpRequest.Builder request = request(client, uri).header("Range", "bytes=" + position + "-");
        if (etag != null && !etag.startsWith("W/")) {
            request.header("If-Range", etag);
        }
        HttpResponse<InputStream> response = client.send(request.build());
        String newTag = response.headers().firstValue("ETag").orElse(null);
        if (etag != null && newTag != null && !etag.equals(newTag)) {
            response.body().close();
            throw new MainStreamChangedException(
                    uri + " changed during the download (ETag " + etag + ", now " + newTag + "): start again");
        }
        int status = response.statusCode();
        if (status == 206) {
            String range = response.headers().firstValue("Content-Range").orElse("");
            Matcher m = CONTENT_RANGE.matcher(range);
            if (!m.matches() || Long.parseLong(m.group(1)) != position || Long.parseLong(m.group(3)) != length) {
                response.body().close();
                throw new MainStreamChangedException(uri + " answered the range from byte " + position
                        + " with 'Content-Range: " + range + "' (the main stream has " + length + " bytes)");
            }
            return response.body();
        }
        if (status == 200) {
            long newLength =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (newLength != length) {
                response.body().close();
                throw new MainStreamChangedException(
                        uri + " changed during the download (" + length + " bytes, now " + newLength + ")");
            }
            InputStream in = response.body();
            in.skipNBytes(position); // the server ignored the range: skip what was delivered
            return in;
        }
        response.body().close();
        throw new IOException(uri + " answered HTTP " + status + " to the request to resume from byte " + position);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void closeBody() {
        try {
            body.close();
        } catch (IOException e) {
            // the connection is gone anyway
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeBody();
        }
    }

    /** The server's main stream is no longer the one this download started with. */
    static final class MainStreamChangedException extends IOException {
        private static final long serialVersionUID = 1L;

        MainStreamChangedException(String message) {
            super(message);
        }
    }
}

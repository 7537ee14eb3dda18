package org.splitcast.session.ingest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;

/**
 * Counts what is read into a job's progress, and stops the read, by failing it, once the job is
 * cancelled (checked every {@value #CHECK_EVERY} bytes, so a cancel takes effect within
 * milliseconds at disk speed).
 */
final class ProgressInputStream extends FilterInputStream {

    static final long CHECK_EVERY = 4 << 20;

    /** The read was stopped because the job was cancelled. */
    static final class Cancelled extends IOException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled");
        }
    }

    private final IngestJobs.Job job;
    private final BooleanSupplier cancelledElsewhere;
    private long sinceCheck;

    ProgressInputStream(InputStream in, IngestJobs.Job job, BooleanSupplier cancelledElsewhere) {
        super(in);
        this.job = job;
        this.cancelledElsewhere = cancelledElsewhere;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            job.advance(n);
            sinceCheck += n;
            if (sinceCheck >= CHECK_EVERY) {
                sinceCheck = 0;
                if (job.cancelled() || cancelledElsewhere.getAsBoolean()) {
                    throw new Cancelled();
                }
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        job.advance(skipped);
        return skipped;
    }
}

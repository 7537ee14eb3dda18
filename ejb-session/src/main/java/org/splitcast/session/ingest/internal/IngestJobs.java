package org.splitcast.session.ingest.internal;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingests this node is running: how far each has got (for the progress figures) and whether
 * the operator asked to cancel it. Memory only: the states themselves are in the database.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class IngestJobs {

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /** Registers a version's job (its phase starts now). */
    public Job start(String versionId, Long totalBytes) {
        Job job = new Job(totalBytes);
        jobs.put(versionId, job);
        return job;
    }

    public Optional<Job> find(String versionId) {
        return Optional.ofNullable(jobs.get(versionId));
    }

    public void finished(String versionId) {
        jobs.remove(versionId);
    }

    /** Asks the version's job to stop; false if this node does not run it. */
    public boolean cancel(String versionId) {
        Job job = jobs.get(versionId);
        if (job == null) {
            return false;
        }
        job.cancelled.set(true);
        return true;
    }

    /** One job's progress through its current phase. */
    public static final class Job {
        private final AtomicLong done = new AtomicLong();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile Long total;
        private volatile long phaseStartedNanos = System.nanoTime();

        Job(Long total) {
            this.total = total;
        }

        /** A new phase over {@code total} bytes (separation after reception). */
        public void phase(Long total) {
            this.total = total;
            done.set(0);
            phaseStartedNanos = System.nanoTime();
        }

        public void advance(long bytes) {
            done.addAndGet(bytes);
        }

        public long done() {
            return done.get();
        }

        public Long total() {
            return total;
        }

        public boolean cancelled() {
            return cancelled.get();
        }

        /** MB/s (10^6 bytes) since the phase started; null in its first moments. */
        public Double megabytesPerSecond() {
            double seconds = (System.nanoTime() - phaseStartedNanos) / 1e9;
            return seconds < 0.2 ? null : done.get() / 1e6 / seconds;
        }

        /** Seconds left at the current speed; null when the total or the speed is unknown. */
        public Long etaSeconds() {
            Double rate = megabytesPerSecond();
            Long t = total;
            if (rate == null || rate <= 0 || t == null) {
                return null;
            }
            return Math.max(0, Math.round((t - done.get()) / 1e6 / rate));
        }
    }
}

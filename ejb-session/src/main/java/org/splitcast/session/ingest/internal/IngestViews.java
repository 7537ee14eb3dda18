package org.splitcast.session.ingest.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.splitcast.session.ingest.IngestState;
import org.splitcast.session.ingest.IngestView;

/** The operator's view of a version: its state from the database, its progress from this node's jobs. */
@Stateless
public class IngestViews {

    @EJB
    MediaVersions versions;

    @EJB
    IngestJobs jobs;

    public IngestView of(MediaVersion v) {
        IngestJobs.Job job = v.state().running() ? jobs.find(v.id()).orElse(null) : null;
        boolean published = versions.published(v.contentId())
                .map(p -> p.id().equals(v.id()))
                .orElse(false);
        long done;
        Long total;
        if (job != null) {
            done = job.done();
            total = job.total();
        } else {
            total = v.sourceBytes();
            done = v.state() == IngestState.READY && total != null ? total : 0;
        }
        return new IngestView(
                v.contentId(),
                v.id(),
                v.state(),
                v.source(),
                done,
                total,
                job == null ? null : job.megabytesPerSecond(),
                job == null ? null : job.etaSeconds(),
                v.startedAt(),
                v.finishedAt(),
                published,
                v.error(),
                v.report() == null ? null : IngestRunner.parse(v.report()));
    }
}

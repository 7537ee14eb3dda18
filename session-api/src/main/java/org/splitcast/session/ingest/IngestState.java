package org.splitcast.session.ingest;

/** Where an ingest stands. Only {@link #READY} media is ever served. */
public enum IngestState {
    /** The upload is being received (or the named file copied). */
    RECEIVING,
    /** Received whole, waiting for the separation executor. */
    QUEUED,
    /** Being separated, sealed and stored. */
    SEPARATING,
    /** Separated, sealed, stored and published: the content's main stream and chunks come from it. */
    READY,
    /** Stopped by an error (bad stream, full disk, a server restart...): nothing of it is served. */
    FAILED,
    /** Stopped by the operator: nothing of it is served. */
    CANCELLED;

    /** Whether the ingest can still change state (it is under way). */
    public boolean running() {
        return this == RECEIVING || this == QUEUED || this == SEPARATING;
    }
}

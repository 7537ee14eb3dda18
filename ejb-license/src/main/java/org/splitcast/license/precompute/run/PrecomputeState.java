package org.splitcast.license.precompute.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The run lease and the history sweep's watermark: the one row of {@code precompute_state}. */
@Entity
@Table(name = "precompute_state")
public class PrecomputeState {

    static final int ID = 1;

    @Id
    private int id;

    @Column(name = "lease_owner", length = 128)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_run_at")
    private Instant lastRunAt;

    @Column(name = "accesses_swept_until")
    private Instant accessesSweptUntil;

    protected PrecomputeState() {}

    Instant accessesSweptUntil() {
        return accessesSweptUntil;
    }

    void sweptUntil(Instant until) {
        accessesSweptUntil = until;
    }
}

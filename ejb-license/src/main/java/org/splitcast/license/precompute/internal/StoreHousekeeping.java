package org.splitcast.license.precompute.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timer;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.license.signing.LicenseSigningKeys;

/**
 * Keeps the store true over time: deletes expired access blocks, retired signing keys once no
 * license they signed can still be valid, the precompute timer's old run records and the expired
 * nonces of the replay refusal.
 * Idempotent, so it runs on every node of a cluster
 * (a non-persistent timer): a delete that finds nothing costs one query.
 */
@Singleton
public class StoreHousekeeping {

    private static final Logger LOG = Logger.getLogger(StoreHousekeeping.class);

    @EJB
    PrecomputedAccessStore store;

    @EJB
    LicenseSigningKeys signingKeys;

    @Inject
    @ConfigProperty(name = "splitcast.license.access-block-lifetime", defaultValue = "P1D")
    Duration accessBlockLifetime;

    /** How long the records of the precompute timer's runs are kept. */
    @Inject
    @ConfigProperty(name = "splitcast.precompute.run-history", defaultValue = "P7D")
    Duration runHistory;

    @PersistenceContext
    EntityManager em;

    @Schedule(minute = "*/10", hour = "*", persistent = false, info = "precomputed-store-housekeeping")
    void housekeeping(Timer timer) {
        Instant now = Instant.now();
        int expired = store.deleteExpired(now);
        // a license never outlives its access block: keys retired longer ago sign nothing valid
        int keys = signingKeys.deleteRetiredBefore(now.minus(accessBlockLifetime));
        int runs = em.createQuery("delete from PrecomputeRunRecord r where r.startedAt < :before")
                .setParameter("before", now.minus(runHistory))
                .executeUpdate();
        // the replay refusal's nonces once no license issued with them can still be valid (a license
        // request deletes only an expired row of its own nonce: scanning its terminal's was too slow)
        int nonces = em.createNativeQuery("delete from license_nonce where expires_at <= ?1")
                .setParameter(1, now)
                .executeUpdate();
        if (expired > 0 || keys > 0 || runs > 0 || nonces > 0) {
            LOG.infof(
                    "Housekeeping: %d expired access blocks, %d retired signing keys, %d precompute run records,"
                            + " %d expired nonces deleted",
                    expired, keys, runs, nonces);
        }
    }
}

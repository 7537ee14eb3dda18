package org.splitcast.precompute;

import jakarta.ejb.Local;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.splitcast.error.UnknownEntityException;

/**
 * Fills the precomputed access store (step 126). The operator endpoint calls it for a subscriber
 * and a list of contents; the load-gated timer calls the same method with the recommendation
 * engine's list.
 */
@Local
public interface PrecomputeService {

    /**
     * Computes and stores the access block of every active terminal of the subscriber for every
     * listed content the subscriber is entitled to, skipping those already stored and valid.
     */
    PrecomputeReport precompute(
            @NotNull String subscriberId,
            @NotNull @Size(max = 100, message = "at most 100 contents") List<String> contentIds)
            throws UnknownEntityException;

    /** How many access blocks the store holds (expired ones not yet purged included). */
    long storeSize();

    /**
     * Which of these contents a license for this terminal would find in the store right now (a
     * hit at step 141: a block under the content's current key, valid for at least {@code
     * splitcast.license.min-access-remaining}). The portal marks them "ready".
     */
    Set<String> precomputedContents(
            @NotNull String terminalId,
            @NotNull @Size(max = 500, message = "at most 500 contents") Collection<String> contentIds);

    /** How many access blocks the store holds for one terminal. */
    long storedFor(String terminalId);

    /** Deletes the expired entries; returns how many. */
    int purgeExpired();
}

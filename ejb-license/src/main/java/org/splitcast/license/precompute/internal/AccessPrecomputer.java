package org.splitcast.license.precompute.internal;

import jakarta.ejb.Local;
import java.util.List;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.precompute.PrecomputeReport;

/** Step 126 as the precompute timer runs it: within the run's budget. */
@Local
public interface AccessPrecomputer {

    /**
     * Step 126 within a budget: stops at the first access block the budget refuses, leaving the
     * rest for later; {@link PrecomputeReport#computed()} says how far it got.
     */
    PrecomputeReport precomputeWithin(String subscriberId, List<String> contentIds, ItemBudget budget)
            throws UnknownEntityException;
}

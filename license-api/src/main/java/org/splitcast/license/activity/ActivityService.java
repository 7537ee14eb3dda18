package org.splitcast.license.activity;

import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.splitcast.error.UnknownEntityException;

/**
 * Step 112: events in, the persistent list of active users out. A subscriber is active from a
 * new-subscriber, new-terminal or access event until the precompute step (120) takes them off the
 * list; removal events take them off at once and drop their precomputed access blocks.
 */
@Local
public interface ActivityService {

    /**
     * Applies a batch of events, all or nothing: an id of a new subscriber, new terminal, terminal
     * or content that does not exist refuses the whole batch. Removals of ids that no longer exist
     * are accepted (they may have been deleted already).
     */
    ActivityReport apply(@NotNull @Valid ActivityEvents events) throws UnknownEntityException;

    /** The active users waiting for the precompute step, oldest first. */
    List<ActiveUserView> waiting(int offset, int limit);

    /** How many active users wait for the precompute step. */
    long waitingCount();
}

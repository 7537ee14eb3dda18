package org.splitcast.license.recommendation;

import jakarta.ejb.Local;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.UnknownEntityException;

/** Steps 102 and 122: one engine, one list, for the portal and for the precompute step. */
@Local
public interface RecommendationService {

    /**
     * The {@code limit} contents the subscriber (or, with {@code terminalId}, that terminal of
     * theirs) is most likely to pick next, best first, among those they are entitled to.
     */
    RecommendationList recommend(
            @NotNull String subscriberId,
            String terminalId,
            @Min(value = 1, message = "limit must be between 1 and 100")
                    @Max(value = 100, message = "limit must be between 1 and 100")
                    int limit)
            throws UnknownEntityException, AccessDeniedException;

    /** Rebuilds the model from the database now (the periodic rebuild, on demand). */
    ModelStatus rebuild();

    /** The model's size and age. */
    ModelStatus status();
}

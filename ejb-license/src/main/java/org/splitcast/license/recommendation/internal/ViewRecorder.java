package org.splitcast.license.recommendation.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.splitcast.recommendation.RecommendationModel;

/**
 * The views of the recommendation model of this node, recorded in memory without going through
 * the engine's EJB: a license (step 150) adds a view to the model the engine last built (step 56),
 * with no transaction and no interceptor on the license's path. The engine hands each model it
 * builds to this holder; until the first one is built, views are not recorded (the first build
 * reads them from the license records).
 */
@ApplicationScoped
public class ViewRecorder {

    private volatile RecommendationModel model;

    /** The model views go to from now on (the engine's newest). */
    public void use(RecommendationModel model) {
        this.model = model;
    }

    /** The subscriber's terminal got a license for the content at {@code at}. */
    public void viewed(String subscriberId, String terminalId, String contentId, Instant at) {
        RecommendationModel m = model;
        if (m != null) {
            m.recordView(subscriberId, terminalId, contentId, at);
        }
    }
}

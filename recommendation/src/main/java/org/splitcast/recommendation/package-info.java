/**
 * The recommendation engine of seed 003 (engine 50, its database 56): {@link
 * org.splitcast.recommendation.RecommendationModel} ranks, for a subscriber or one of their terminals,
 * the contents they are most likely to pick next (step 102 for the portal, operation 122 for the
 * precompute of licenses), by item-to-item collaborative filtering on co-views blended with
 * popularity in the subscriber's demographic {@link org.splitcast.recommendation.Segment}, among
 * the contents the subscriber is entitled to.
 */
package org.splitcast.recommendation;

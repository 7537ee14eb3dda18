/**
 * The recommendation engine of seed 003 (engine 50 over database 56) in the server: {@link
 * org.splitcast.license.recommendation.internal.DefaultRecommendationEngine} builds the splitcast-recommendation
 * model from the viewing history (issued licenses and reported accesses), the subscribers'
 * demographics and their entitlements, keeps it up to date between rebuilds, and answers step 102
 * (the portal's list) and operation 122 (the precompute step's list) with the same lists.
 */
package org.splitcast.license.recommendation.internal;

/**
 * {@code /api/subscribers/{id}/recommendations} (step 102 of seed 003: the list the portal shows)
 * and {@code /api/recommendations/model} (the engine's model, rebuilt on demand).
 */
package org.splitcast.portal.api.recommendation;

/**
 * The recommendation engine's interface (engine 50 of seed 003): the ranked list of contents a
 * subscriber is most likely to pick next, shown to the subscriber (step 102) and used by the
 * precompute step (operation 122).
 */
package org.splitcast.license.recommendation;

/**
 * The precomputed access store (database 69 of seed 003) and the one code path that computes an
 * access block, whether ahead of time (step 126: the operator's fill, and the load-gated timer of
 * the next issue) or on a miss (step 142): {@link org.splitcast.license.precompute.internal.AccessComputation}.
 */
package org.splitcast.license.precompute.internal;

/**
 * Step 114 of seed 003 and the choice of operation 124: the {@link
 * org.splitcast.license.precompute.load.WorkloadMeter} (requests per second over the last interval, and
 * its trend), the {@link org.splitcast.license.precompute.load.PrecomputeGate} (open under the threshold
 * S1, with a budget taken from the headroom) and the {@link
 * org.splitcast.license.precompute.load.SelectionPolicy}. Plain Java, no container.
 */
package org.splitcast.license.precompute.load;

/**
 * Steps 114 → 120 → 122-126 of seed 003, on a timer: {@link
 * org.splitcast.license.precompute.run.PrecomputeTimer} ticks (a persistent EJB timer on the database
 * timer store) and hands the work to its own one-thread executor; {@link
 * org.splitcast.license.precompute.run.PrecomputeRun} takes the run lease (one node at a time), asks the
 * gate, and while it stays open takes active users off the list, gets each one's recommendation
 * list, selects from it and precomputes their access blocks within the {@link
 * org.splitcast.license.precompute.run.RunBudget}; every decision is recorded as a {@link
 * org.splitcast.license.precompute.run.PrecomputeRunRecord}.
 */
package org.splitcast.license.precompute.run;

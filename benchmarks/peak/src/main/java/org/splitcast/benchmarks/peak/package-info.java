/**
 * The peak simulation of issue 4: against a running server, a synthetic population in two
 * identical copies, a quiet phase during which the load-gated precompute (seed 003, steps
 * 112-126) fills the store with the access blocks of the contents each active user is predicted
 * to pick, then a peak of users picking from their recommendation lists; licenses per second, hit
 * ratio and latency with precompute off and on. {@link org.splitcast.benchmarks.peak.PeakSimulation}
 * runs it.
 */
package org.splitcast.benchmarks.peak;

/**
 * The recommendation engine (seed 003, engine 50: steps 102 and 122) in JMH: one list of 10 or 100
 * contents at 100,000 subscribers × 10,000 contents of the synthetic population, the build of that
 * model, and a same-run baseline (SHA-256 of 1 KiB) to state them as ratios.
 */
package org.splitcast.benchmarks.recommendation;

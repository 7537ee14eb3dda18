/** Smoke tests of the recommendation benchmarks: each benchmarked operation yields real lists. */
package org.splitcast.benchmarks.recommendation;

/** Smoke tests of the benchmarks: each benchmarked operation yields a license a terminal accepts. */
package org.splitcast.benchmarks.license;

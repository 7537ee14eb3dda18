/**
 * Unit tests of the pure parts of the peak simulation (options, per-second series and
 * percentiles, the SVG and the report); nothing here talks to a server or times anything.
 */
package org.splitcast.benchmarks.peak;

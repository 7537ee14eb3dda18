/**
 * {@code splitcast-separate}, the command-line separating and reconstruction devices (seed 000,
 * claim 10): separate, rebuild and inspect, with progress and throughput on stderr, documented exit
 * codes, and outputs that appear whole or not at all.
 */
package org.splitcast.separation.cli;

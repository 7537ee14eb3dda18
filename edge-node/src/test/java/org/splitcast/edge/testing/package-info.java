/**
 * Test support for the live tests of edge-node and arquillian-tests (edge-node's test jar): an edge
 * node in its own JVM ({@code EdgeProcess}: start, SIGKILL, restart on the same port), a terminal
 * under test ({@code LiveTerminal}: the live client with its output and the checks on it) and a
 * relay that drops a terminal's connection to its edge ({@code ConnectionCutter}). Claims 1 and 5
 * (access points), docs/live.md §10.
 */
package org.splitcast.edge.testing;

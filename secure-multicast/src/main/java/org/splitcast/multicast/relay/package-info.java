/**
 * What edge nodes and terminals use to receive a group (seed 000, claims 1 and 9): the live frame
 * format shared by publisher, edge and terminal, the control messages of the cluster, and the edge
 * node's relay with per-group subscription and a catch-up window. docs/live.md §3.4-3.5 and §5.
 */
package org.splitcast.multicast.relay;

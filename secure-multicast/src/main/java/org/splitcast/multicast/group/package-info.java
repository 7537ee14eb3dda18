/**
 * A live channel's multicast group on the central server (seed 000, claims 5 to 9): membership of
 * terminal sessions with their session keys and expiry, renewal for one member, leave, lapse and
 * revocation with the rekeying they cause, and per-group counters. docs/live.md §4.
 */
package org.splitcast.multicast.group;

/**
 * Group keys of secure multicast (seed 000, claims 5, 6 and 8): the logical key hierarchy of a
 * group ({@link org.splitcast.multicast.keys.KeyTree}), its traffic key per key period, the signed
 * key messages that carry them wrapped under each member's own keys ({@link
 * org.splitcast.multicast.keys.KeyMessage}), the central server's side ({@link
 * org.splitcast.multicast.keys.GroupKeys}) and the member's side ({@link
 * org.splitcast.multicast.keys.KeyRing}). docs/live.md §2-3.
 */
package org.splitcast.multicast.keys;

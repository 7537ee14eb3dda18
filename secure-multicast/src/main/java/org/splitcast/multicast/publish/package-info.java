/**
 * The central server's publisher over JGroups (seed 000, claims 5, 6 and 9): stored or live
 * sources replayed at the stream's rate, the public main-stream window, and the paced, reliable,
 * ordered sending of each group's key messages and sealed chunks to the edge nodes subscribed to
 * it, only while the group has a member with a valid session key. docs/live.md §4.
 */
package org.splitcast.multicast.publish;

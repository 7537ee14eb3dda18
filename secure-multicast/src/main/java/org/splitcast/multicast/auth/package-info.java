/**
 * Unicast authentication of a terminal before it gets a session key (seed 000, claim 2): one-time
 * server challenges and the terminal's proof of holding its key KT (HMAC under a key derived from
 * KT) or its private key (a signature). Both sides of the proof are here. docs/live.md §1.
 */
package org.splitcast.multicast.auth;

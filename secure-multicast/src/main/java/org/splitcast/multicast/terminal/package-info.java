/**
 * The terminal's live client (seed 000, claims 2, 3, 7 and 8): authentication and session key,
 * joining a group through an edge node, unwrapping each key period's traffic key, opening and
 * applying chunks to the public main stream, renewal, resumption after a broken edge connection.
 * docs/live.md §7.
 */
package org.splitcast.multicast.terminal;

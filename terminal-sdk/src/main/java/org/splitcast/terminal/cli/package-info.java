/**
 * The {@code splitcast-terminal} command line: a terminal's side of seed 003, step 160 (get a
 * license, verify it, unwrap Kc) and of on-demand playback (seed 000: {@code play} rebuilds the
 * original from the main stream and the sealed complementary information), for scripts, demos and
 * checking a server by hand.
 */
package org.splitcast.terminal.cli;

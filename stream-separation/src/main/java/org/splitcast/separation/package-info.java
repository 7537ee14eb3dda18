/**
 * Stream separation, seed 000 claims 1 and 10: the <em>separating device</em> ({@link
 * org.splitcast.separation.StreamSeparator}) turns an MPEG transport stream into a main stream of
 * the same format, made unwatchable, and the complementary information needed to rebuild it; the
 * <em>reconstruction device</em> ({@link org.splitcast.separation.StreamRebuilder}) puts the two
 * back together byte for byte (flows C and D of docs/architecture.md). A pure Java library: no Jakarta EE, no
 * dependency beyond the JDK, so that the server (ejb-session, ingest) and the terminal SDK
 * (playback) share it.
 */
package org.splitcast.separation;

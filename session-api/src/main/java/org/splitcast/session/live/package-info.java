/**
 * Live channels (seed 000, claims 2, 3 and 5 to 9; docs/live.md): unicast authentication of a
 * terminal by challenge and proof, session keys per (content, terminal) with lifetime and renewal,
 * the channels' multicast groups and their public main-stream windows. {@link
 * org.splitcast.session.live.LiveService} is what the REST boundary calls.
 */
package org.splitcast.session.live;

/**
 * Seed 000 on the server side (claims 2–9): unicast authentication of terminals, session keys
 * unique per content and client with a lifetime and renewal on demand, multicast sessions with
 * group keys and rekeying, and the publisher of the complementary information over JGroups. The
 * issues after the foundation fill this module; it is deployed in the EAR from the start so that
 * the layout tells the architecture.
 */
package org.splitcast.session;

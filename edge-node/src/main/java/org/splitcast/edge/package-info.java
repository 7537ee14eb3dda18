/**
 * The edge node at an access point (seed 000, claim 1): joins the publisher's JGroups cluster,
 * relays the sealed frames of the groups its terminals read to them over HTTP, subscribes only for
 * terminals holding a join ticket signed by the central server. docs/live.md §5.
 */
package org.splitcast.edge;

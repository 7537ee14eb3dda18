/**
 * Session keys of secure multicast (seed 000, claims 3 and 7): the grant a terminal receives for a
 * (content, terminal) pair, SK wrapped with the license format's terminal key wrapping, and the
 * signed join ticket an edge node checks before it subscribes to a group. docs/live.md §2 and §5.
 */
package org.splitcast.multicast.session;

/**
 * Bounds-checked big-endian readers and writers for the binary messages of docs/live.md (key
 * messages, live frames, control messages between the publisher and the edge nodes).
 */
package org.splitcast.multicast.wire;

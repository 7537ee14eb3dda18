package org.splitcast.multicast.group;

/**
 * A snapshot of one group's counters (plain numbers, for whatever metrics registry the owner uses).
 *
 * @param members members holding a valid session key
 * @param subscribedEdges edge nodes subscribed to the group
 * @param chunksPublished chunks sealed and sent
 * @param chunksSkipped chunks not even sealed because the group had no member (claim 9)
 * @param framesSent frames sent to edge nodes (one per frame and edge)
 * @param bytesSent payload bytes sent to edge nodes, all frames
 * @param bytesPerSecond payload bytes sent over the last full second
 * @param rekeys REKEY messages published
 * @param keyMessageBytes bytes of those REKEY messages (once each)
 * @param trafficKeyPeriod the current key period, 0 without members
 */
public record GroupMetrics(
        int members,
        int subscribedEdges,
        long chunksPublished,
        long chunksSkipped,
        long framesSent,
        long bytesSent,
        long bytesPerSecond,
        long rekeys,
        long keyMessageBytes,
        long trafficKeyPeriod) {}

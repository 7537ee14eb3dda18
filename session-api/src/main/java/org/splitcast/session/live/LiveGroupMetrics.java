package org.splitcast.session.live;

/**
 * Every counter of a live channel's group ({@code GET /api/live/groups/{group}/metrics}).
 *
 * @param group the group (channel) id
 * @param contentId the content it broadcasts
 * @param members member sessions now
 * @param subscribedEdges edge nodes subscribed to the group now
 * @param chunksPublished chunks sealed and sent
 * @param chunksSkipped chunks that fell due while no member held a valid session key: neither
 *     sealed nor sent (claim 9)
 * @param framesSent frames sent to edge nodes (one per frame and edge)
 * @param bytesSent payload bytes sent to edge nodes
 * @param bytesPerSecond payload bytes sent over the last full second
 * @param rekeys key messages published
 * @param keyMessageBytes bytes of those key messages
 * @param keyPeriod the current traffic key period (0 without members)
 */
public record LiveGroupMetrics(
        String group,
        String contentId,
        int members,
        int subscribedEdges,
        long chunksPublished,
        long chunksSkipped,
        long framesSent,
        long bytesSent,
        long bytesPerSecond,
        long rekeys,
        long keyMessageBytes,
        long keyPeriod) {}

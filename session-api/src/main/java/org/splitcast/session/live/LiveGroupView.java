package org.splitcast.session.live;

/**
 * A live channel's multicast group as the operator's dashboard reads it ({@code GET
 * /api/live/groups}).
 *
 * @param group the group (channel) id
 * @param contentId the content it broadcasts
 * @param members member sessions now
 * @param bytesPerSecond bytes sent to edge nodes in the last second
 * @param rekeys key messages published since the group opened
 * @param keyPeriod the current traffic key period (0 before the first member)
 */
public record LiveGroupView(
        String group, String contentId, int members, long bytesPerSecond, long rekeys, long keyPeriod) {}

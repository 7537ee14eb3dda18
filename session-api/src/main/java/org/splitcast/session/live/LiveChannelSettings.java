package org.splitcast.session.live;

import java.time.Duration;

/**
 * How an operator opens a live channel ({@code PUT /api/live/groups/{group}}); a null field takes
 * the server's default (splitcast.live.*).
 *
 * @param contentId the content whose stored (published) version is replayed
 * @param keyPeriod the longest a traffic key is used
 * @param sessionLifetime the lifetime of a session key
 * @param speed replay rate, 1 = the stream's own rate
 * @param loop whether the replay starts again at the end
 * @param revokeAtOnce whether a revocation takes effect at once (else from the next key period)
 */
public record LiveChannelSettings(
        String contentId,
        Duration keyPeriod,
        Duration sessionLifetime,
        Double speed,
        Boolean loop,
        Boolean revokeAtOnce) {}

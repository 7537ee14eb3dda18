package org.splitcast.multicast.group;

import java.time.Duration;
import java.util.Objects;

/**
 * How a group's keys move (docs/live.md §4): the key period (a new traffic key at least this
 * often), the lifetime of a session key, and when a departure takes effect. A lapsed session
 * always rekeys at once.
 *
 * @param keyPeriod the longest a traffic key is used
 * @param sessionLifetime the lifetime of a session key from its issue or renewal
 * @param onLeave when a member that leaves stops being able to read: {@link Effect#IMMEDIATE} (a
 *     new traffic key now) or {@link Effect#NEXT_PERIOD} (its path keys now, the traffic key at the
 *     next period)
 * @param onRevoke the same for a revoked terminal
 * @param replayFrames how many recent frames the publisher keeps to replay to an edge node that
 *     (re)subscribes from an earlier frame
 */
public record GroupPolicy(
        Duration keyPeriod, Duration sessionLifetime, Effect onLeave, Effect onRevoke, int replayFrames) {

    /** When a membership change reaches the traffic key. */
    public enum Effect {
        IMMEDIATE,
        NEXT_PERIOD
    }

    public GroupPolicy {
        Objects.requireNonNull(keyPeriod, "keyPeriod");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(onLeave, "onLeave");
        Objects.requireNonNull(onRevoke, "onRevoke");
        if (keyPeriod.isNegative() || keyPeriod.isZero() || sessionLifetime.isNegative() || sessionLifetime.isZero()) {
            throw new IllegalArgumentException("key period and session lifetime must be positive");
        }
        if (replayFrames < 0) {
            throw new IllegalArgumentException("replayFrames must not be negative");
        }
    }

    /** 5-minute key periods, 10-minute sessions, leave at once, revoke from the next period, 64 frames. */
    public static GroupPolicy defaults() {
        return new GroupPolicy(Duration.ofMinutes(5), Duration.ofMinutes(10), Effect.IMMEDIATE, Effect.NEXT_PERIOD, 64);
    }

    public GroupPolicy withKeyPeriod(Duration d) {
        return new GroupPolicy(d, sessionLifetime, onLeave, onRevoke, replayFrames);
    }

    public GroupPolicy withSessionLifetime(Duration d) {
        return new GroupPolicy(keyPeriod, d, onLeave, onRevoke, replayFrames);
    }

    public GroupPolicy withOnRevoke(Effect e) {
        return new GroupPolicy(keyPeriod, sessionLifetime, onLeave, e, replayFrames);
    }

    public GroupPolicy withReplayFrames(int n) {
        return new GroupPolicy(keyPeriod, sessionLifetime, onLeave, onRevoke, n);
    }
}

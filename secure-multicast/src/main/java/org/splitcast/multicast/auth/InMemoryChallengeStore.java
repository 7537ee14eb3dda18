package org.splitcast.multicast.auth;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded in-memory {@link ChallengeStore} for one server: at most {@code capacity} challenges,
 * expired ones dropped first, then the oldest (so a flood of challenge requests costs bounded
 * memory). Thread-safe.
 */
public final class InMemoryChallengeStore implements ChallengeStore {

    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<String, Challenge> challenges = new LinkedHashMap<>();

    public InMemoryChallengeStore(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public synchronized void put(Challenge challenge) {
        if (challenges.size() >= capacity) {
            Iterator<Map.Entry<String, Challenge>> it = challenges.entrySet().iterator();
            while (it.hasNext()) {
                if (it.next().getValue().expiresAt().isBefore(clock.instant())) {
                    it.remove();
                }
            }
            it = challenges.entrySet().iterator();
            while (challenges.size() >= capacity && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        challenges.put(challenge.challengeId(), challenge);
    }

    @Override
    public synchronized Optional<Challenge> take(String challengeId) {
        return Optional.ofNullable(challenges.remove(challengeId));
    }

    public synchronized int size() {
        return challenges.size();
    }
}

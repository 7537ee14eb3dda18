package org.splitcast.multicast.auth;

import java.util.Optional;

/**
 * Where issued challenges wait for their answer. {@link #take} removes what it returns, so a
 * challenge is answered at most once: the central server may back this with its database (one row
 * per challenge, deleted on take) so that any node of a cluster can check the answer.
 */
public interface ChallengeStore {

    /** Keeps a newly issued challenge. */
    void put(Challenge challenge);

    /** Removes and returns the challenge, or empty if it was never issued or was already taken. */
    Optional<Challenge> take(String challengeId);
}

package org.splitcast.session.live;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;

/**
 * The central server's live API (docs/live.md §1, §2, §5, §6, §11). Terminals call the session
 * operations without an account: they prove that they hold their key (claim 2). Session keys are
 * stored only wrapped under the master key, and leave the server only wrapped for the terminal.
 */
@Local
public interface LiveService {

    /** A fresh one-time challenge for a registered terminal. */
    LiveChallenge challenge(String terminalId) throws UnknownEntityException;

    /**
     * Opens a live session: checks the proof, the terminal's status and its subscriber's
     * entitlement, admits the terminal to the content's group with a new SK; returns the grant
     * (JSON, docs/live.md §2).
     */
    String open(String terminalId, String contentId, String challengeId, String proof)
            throws LiveProblemException, UnknownEntityException, InvalidRequestException;

    /** Renews a session (claim 7): a new SK for that member alone; returns the new grant. */
    String renew(String sessionId, String terminalId, String challengeId, String proof)
            throws LiveProblemException, UnknownEntityException, InvalidRequestException;

    /** Ends a session at its terminal's request (a rekey follows). */
    void leave(String sessionId, String terminalId, String challengeId, String proof)
            throws LiveProblemException, UnknownEntityException, InvalidRequestException;

    /** The member's current PATH key message (wrapped under its own keys). */
    byte[] keyPath(String sessionId, String terminalId) throws LiveProblemException, UnknownEntityException;

    /** The public main-stream bytes of a chunk of a live channel, from its sliding window. */
    byte[] mainRange(String groupId, long chunkSeq) throws UnknownEntityException;

    /** The public live verification key, {@code keyId:base64(SubjectPublicKeyInfo)}. */
    String verificationKey() throws LiveProblemException;

    /** The open channels and their counters (operator and staff). */
    List<LiveGroupView> groups() throws AccessDeniedException;

    /** Every counter of a channel's group (operator and staff), or empty if no such channel. */
    Optional<LiveGroupMetrics> metrics(String groupId) throws AccessDeniedException;

    /** Opens (or reopens with new settings) a live channel (operator). */
    LiveGroupView openChannel(String groupId, LiveChannelSettings settings)
            throws AccessDeniedException, UnknownEntityException, InvalidRequestException, LiveProblemException;

    /** Closes a live channel: its members' sessions end (operator). */
    void closeChannel(String groupId) throws AccessDeniedException, UnknownEntityException;
}

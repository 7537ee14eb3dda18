package org.splitcast.multicast.terminal;

import org.splitcast.multicast.auth.Challenge;
import org.splitcast.multicast.session.SessionGrant;

/**
 * The central server's live API as a terminal uses it (docs/live.md §1-2, §6). {@link
 * HttpCentralClient} speaks it over HTTP; tests may stand in for it.
 */
public interface CentralApi {

    /** POST /api/terminals/{terminalId}/challenge */
    Challenge challenge(String terminalId) throws LiveApiException;

    /** POST /api/sessions */
    SessionGrant openSession(String terminalId, String contentId, String challengeId, String proof)
            throws LiveApiException;

    /** POST /api/sessions/{sessionId}/renew */
    SessionGrant renew(String sessionId, String terminalId, String challengeId, String proof) throws LiveApiException;

    /** DELETE /api/sessions/{sessionId} */
    void leave(String sessionId, String terminalId, String challengeId, String proof) throws LiveApiException;

    /** GET /api/sessions/{sessionId}/keys?terminalId=: the member's current PATH key message. */
    byte[] keyPath(String sessionId, String terminalId) throws LiveApiException;

    /** GET /live/{groupId}/main/{chunkSeq}: the public main-stream bytes of a chunk's range. */
    byte[] mainRange(String groupId, long chunkSeq) throws LiveApiException;
}

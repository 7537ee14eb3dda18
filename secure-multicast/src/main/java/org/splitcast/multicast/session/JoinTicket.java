package org.splitcast.multicast.session;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.splitcast.multicast.keys.LiveSigner;
import org.splitcast.multicast.keys.LiveVerifier;
import org.splitcast.multicast.wire.MalformedMessageException;
import org.splitcast.multicast.wire.WireReader;
import org.splitcast.multicast.wire.WireWriter;

/**
 * The central server's permission for one terminal session to receive one group through an edge
 * node (docs/live.md §5). An edge node subscribes to a group only for terminals that present a
 * valid ticket for it, which it checks with the server's public live key alone: nobody else can
 * make an edge node pull a group's traffic.
 *
 * <pre>
 * "SCJT" || u8 1 || str sessionId || str terminalId || str groupId || u64 expiresAt (ms since the epoch)
 *        || str signerKeyId || 64-byte ES256 signature of everything before
 * </pre>
 *
 * carried as base64url without padding. A renewal issues a new ticket with the new expiry.
 */
public record JoinTicket(String sessionId, String terminalId, String groupId, Instant expiresAt) {

    static final byte[] MAGIC = "SCJT".getBytes(StandardCharsets.US_ASCII);
    /** Longest text form accepted. */
    public static final int MAX_TEXT = 2048;

    public JoinTicket {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The signed text form. */
    public String sign(LiveSigner signer) {
        WireWriter w = new WireWriter(160);
        w.bytes(MAGIC).u8(1).string(sessionId).string(terminalId).string(groupId);
        w.u64(expiresAt.toEpochMilli()).string(signer.keyId());
        byte[] body = w.toByteArray();
        w.bytes(signer.sign(body, 0, body.length));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(w.toByteArray());
    }

    /** A ticket that is not valid; the message says why. */
    public static final class InvalidTicketException extends Exception {

        private static final long serialVersionUID = 1L;

        public InvalidTicketException(String message) {
            super(message);
        }
    }

    /**
     * Checks a ticket's form, signature and expiry.
     *
     * @throws InvalidTicketException if any fails
     */
    public static JoinTicket verify(String text, LiveVerifier verifier, Clock clock) throws InvalidTicketException {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            throw new InvalidTicketException("missing or oversized join ticket");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidTicketException("the join ticket is not base64url");
        }
        try {
            WireReader r = new WireReader(bytes);
            if (!Arrays.equals(r.bytes(4, "magic"), MAGIC) || r.u8("version") != 1) {
                throw new InvalidTicketException("not a join ticket");
            }
            JoinTicket ticket = new JoinTicket(
                    r.string("session id"),
                    r.string("terminal id"),
                    r.string("group id"),
                    Instant.ofEpochMilli(r.u64("expires at")));
            String keyId = r.string("signer key id");
            int signed = r.position();
            byte[] signature = r.bytes(LiveSigner.SIGNATURE_BYTES, "signature");
            r.expectEnd("the signature");
            if (!keyId.equals(verifier.keyId()) || !verifier.verify(bytes, 0, signed, signature)) {
                throw new InvalidTicketException("the join ticket's signature is not the server's");
            }
            if (!clock.instant().isBefore(ticket.expiresAt)) {
                throw new InvalidTicketException("the join ticket has expired: renew the session");
            }
            return ticket;
        } catch (MalformedMessageException e) {
            throw new InvalidTicketException("malformed join ticket: " + e.getMessage());
        }
    }
}

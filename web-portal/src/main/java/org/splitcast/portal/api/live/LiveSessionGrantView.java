package org.splitcast.portal.api.live;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The session grant of {@code POST /api/sessions} and its renewals, as /openapi declares it
 * (docs/live.md §2). The resource writes the grant the live service composed; this record only
 * types it for integrators who generate a client.
 */
@Schema(name = "LiveSessionGrant", description = "A live session's grant: SK wrapped for the terminal, never in clear")
public record LiveSessionGrantView(
        @Schema(description = "the session's id") String sessionId,
        @Schema(description = "the terminal the session belongs to") String terminalId,
        @Schema(description = "the content broadcast live") String contentId,
        @Schema(description = "the multicast group of the content's live channel") String groupId,
        @Schema(description = "when SK lapses unless the terminal renews the session") Instant expiresAt,
        @Schema(description = "the member's leaf in the group's key tree") Leaf leaf,
        @Schema(description = "SK wrapped for the terminal's own key (the license format's wrap object)") WrappedKey sk,
        @Schema(description = "the join ticket for the edge node, expiring with SK") String ticket,
        @Schema(description = "base64url of the member's PATH key message: its path keys and the current TEK")
                String keys) {

    /** A leaf of the key tree. */
    @Schema(name = "LiveLeaf")
    public record Leaf(@Schema(description = "leaf id") long id, @Schema(description = "leaf version") long version) {}

    /** A key wrapped for one holder. */
    @Schema(name = "LiveWrappedKey")
    public record WrappedKey(
            @Schema(description = "A256KW, RSA-OAEP-256 or ECDH-ES+A256KW") String alg,
            @Schema(description = "base64url of the wrapped key") String key) {}
}

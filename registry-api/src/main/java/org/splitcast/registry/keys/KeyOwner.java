package org.splitcast.registry.keys;

import java.nio.charset.StandardCharsets;

/**
 * Whose key an envelope holds. Its text is the associated data of the envelope, so a key sealed
 * for one owner cannot be passed off as another's: moving a wrapped key to another row makes it
 * fail to open.
 */
public record KeyOwner(String id) {

    /** The symmetric key KT of a terminal. */
    public static KeyOwner terminal(String terminalId) {
        return new KeyOwner("terminal/" + terminalId);
    }

    /** A content key Kc, identified by its content and key id. */
    public static KeyOwner contentKey(String contentId, String keyId) {
        return new KeyOwner("content/" + contentId + "/key/" + keyId);
    }

    /** The private half of a license signing key. */
    public static KeyOwner licenseSigningKey(String keyId) {
        return new KeyOwner("license-signing/" + keyId);
    }

    /** The grant key Km of a precomputed access block of (terminal, content, content key). */
    public static KeyOwner precomputedAccess(String terminalId, String contentId, String keyId) {
        return new KeyOwner("access/" + terminalId + "/" + contentId + "/" + keyId);
    }

    /** The secret that chose the bytes taken out of one stored version of a content's stream. */
    public static KeyOwner selectionSecret(String contentId, String versionId) {
        return new KeyOwner("selection/" + contentId + "/" + versionId);
    }

    /** The associated data of its envelopes. */
    public byte[] utf8() {
        return id.getBytes(StandardCharsets.UTF_8);
    }
}

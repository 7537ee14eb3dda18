package org.splitcast.license.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;

/**
 * Seed 003, step 142: the access block (docs §3), Kc wrapped for one terminal and signed. This is
 * the expensive part of a license (a signature, and an RSA-OAEP or ECDH wrap), the one the server
 * precomputes. Thread-safe: every call takes fresh JCA engines from the {@link CryptoProvider}.
 */
public final class AccessBlockComposer {

    public static final String TYPE = "splitcast-access+jws";
    public static final int VERSION = 1;

    private final CryptoProvider crypto;

    /**
     * The last signing key in the provider's fastest form ({@link
     * CryptoProvider#prepareSigningKey}): the server signs with one key until it rotates it.
     */
    private final AtomicReference<PreparedKey> prepared = new AtomicReference<>();

    private record PreparedKey(PrivateKey original, PrivateKey prepared) {}

    public AccessBlockComposer(CryptoProvider crypto) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
    }

    /**
     * Computes the access block.
     *
     * @param keyId id of the content key Kc
     * @param contentKey Kc, 32 bytes; not kept (the caller wipes it)
     * @param computedAt the block's {@code iat}, truncated to whole seconds
     * @param expiresAt the block's {@code exp}, truncated to whole seconds; after {@code computedAt}
     * @return the block; for a public-key terminal with the fresh grant key Km that it wraps
     * @throws IllegalArgumentException for a missing id, a key of the wrong size or times in the
     *     wrong order
     */
    public AccessBlock compose(
            String contentId,
            String terminalId,
            String keyId,
            byte[] contentKey,
            TerminalKey terminalKey,
            AccessRules rules,
            Instant computedAt,
            Instant expiresAt,
            SigningKey signingKey) {
        Ids.require(contentId, "contentId");
        Ids.require(terminalId, "terminalId");
        Ids.require(keyId, "keyId");
        if (contentKey == null || contentKey.length != GrantKeys.KEY_BYTES) {
            throw new IllegalArgumentException("the content key Kc must be " + GrantKeys.KEY_BYTES + " bytes");
        }
        Objects.requireNonNull(terminalKey, "terminalKey");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(signingKey, "signingKey");
        long iat = Objects.requireNonNull(computedAt, "computedAt").getEpochSecond();
        long exp = Objects.requireNonNull(expiresAt, "expiresAt").getEpochSecond();
        if (exp <= iat) {
            throw new IllegalArgumentException("the access block must expire after it is computed");
        }

        byte[] grantKey = null;
        byte[] material;
        if (terminalKey instanceof TerminalKey.Symmetric) {
            material = contentKey;
        } else {
            grantKey = crypto.randomBytes(GrantKeys.KEY_BYTES);
            material = new byte[2 * GrantKeys.KEY_BYTES];
            System.arraycopy(contentKey, 0, material, 0, GrantKeys.KEY_BYTES);
            System.arraycopy(grantKey, 0, material, GrantKeys.KEY_BYTES, GrantKeys.KEY_BYTES);
        }
        ObjectNode wrap;
        try {
            wrap = KeyWrap.wrap(terminalKey, material, terminalId, crypto);
        } finally {
            if (material != contentKey) {
                SecretKeys.wipe(material);
            }
        }

        ObjectNode header = Json.object();
        header.put("alg", signingKey.algorithm().jwsName());
        header.put("kid", signingKey.keyId());
        header.put("typ", TYPE);

        ObjectNode payload = Json.object();
        payload.put("v", VERSION);
        payload.put("cid", contentId);
        payload.put("tid", terminalId);
        payload.put("kid", keyId);
        payload.set("wrap", wrap);
        ObjectNode rulesNode = payload.putObject("rules");
        rulesNode.put("maxPlays", rules.maxPlays());
        rulesNode.put("windowHours", rules.windowHours());
        rulesNode.put("recordingAllowed", rules.recordingAllowed());
        payload.put("iat", iat);
        payload.put("exp", exp);

        String signingInput = CompactJws.signingInput(Json.bytes(header), Json.bytes(payload));
        byte[] signature = signingKey
                .algorithm()
                .sign(prepared(signingKey.privateKey()), signingInput.getBytes(StandardCharsets.US_ASCII), crypto);
        String compact = signingInput + "." + Base64Url.encode(signature);
        return new AccessBlock(
                compact,
                contentId,
                terminalId,
                keyId,
                Instant.ofEpochSecond(iat),
                Instant.ofEpochSecond(exp),
                grantKey);
    }

    private PrivateKey prepared(PrivateKey key) {
        PreparedKey last = prepared.get();
        if (last != null && last.original() == key) {
            return last.prepared();
        }
        PreparedKey fresh = new PreparedKey(key, crypto.prepareSigningKey(key));
        prepared.set(fresh);
        return fresh.prepared();
    }
}

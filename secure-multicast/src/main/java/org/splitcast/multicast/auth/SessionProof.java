package org.splitcast.multicast.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.Hkdf;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.wire.WireWriter;

/**
 * The terminal's answer to a {@link Challenge} (claim 2), made on the terminal and checked on the
 * server (docs/live.md §1). The proof covers the challenge id, the server's nonce, the terminal id
 * and the content asked for:
 *
 * <pre>
 * input = "splitcast-live/1 session-proof" || str(challengeId) || str(nonce) || str(terminalId) || str(contentId)
 *         (str = u16 big-endian length || UTF-8)
 * </pre>
 *
 * and its text form is {@code alg "." base64url(value)}:
 *
 * <ul>
 *   <li>{@code HS256}: a symmetric terminal (KT). value = HMAC-SHA256(PK, input), PK =
 *       HKDF-SHA256(IKM = KT, salt = "splitcast-live/1 proof", info = UTF-8(terminalId), L = 32).
 *   <li>{@code ES256}: an EC P-256 terminal; value = ECDSA-SHA256 signature as R || S (64 bytes).
 *   <li>{@code PS256}: an RSA terminal; RSASSA-PSS, SHA-256, MGF1-SHA-256, salt 32.
 * </ul>
 *
 * An X25519 terminal key cannot sign: such a terminal cannot open a live session in this version.
 */
public final class SessionProof {

    static final byte[] CONTEXT = "splitcast-live/1 session-proof".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PROOF_SALT = "splitcast-live/1 proof".getBytes(StandardCharsets.US_ASCII);
    private static final PSSParameterSpec PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final CryptoProvider crypto;

    public SessionProof(CryptoProvider crypto) {
        this.crypto = crypto;
    }

    /** The signed input (see the class comment). */
    public static byte[] input(String challengeId, String nonce, String terminalId, String contentId) {
        WireWriter w = new WireWriter(128);
        w.bytes(CONTEXT).string(challengeId).string(nonce).string(terminalId).string(contentId);
        return w.toByteArray();
    }

    /**
     * Terminal side: the proof for {@code challenge} and {@code contentId} with the terminal's key.
     *
     * @throws AuthenticationException (UNSUPPORTED_KEY) for an X25519 key
     */
    public String prove(Challenge challenge, String contentId, TerminalSecret secret) throws AuthenticationException {
        return prove(challenge.challengeId(), challenge.nonce(), challenge.terminalId(), contentId, secret);
    }

    public String prove(String challengeId, String nonce, String terminalId, String contentId, TerminalSecret secret)
            throws AuthenticationException {
        byte[] input = input(challengeId, nonce, terminalId, contentId);
        if (secret instanceof TerminalSecret.Symmetric symmetric) {
            return "HS256." + B64.encodeToString(hmac(symmetric.kt(), terminalId, input));
        }
        PrivateKey key = ((TerminalSecret.Private) secret).privateKey();
        String alg = algorithmOf(key);
        try {
            Signature signer = engine(alg);
            signer.initSign(key);
            signer.update(input);
            return alg + "." + B64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new CryptoException(alg + " proof signing failed", e);
        }
    }

    /**
     * Server side: whether {@code proof} answers the challenge for {@code contentId} under the
     * registered key of the challenge's terminal.
     *
     * @throws AuthenticationException (BAD_PROOF or UNSUPPORTED_KEY) if it does not
     */
    public void verify(Challenge challenge, String contentId, String proof, TerminalKey terminalKey)
            throws AuthenticationException {
        if (proof == null || proof.length() > 2048) {
            throw new AuthenticationException(AuthenticationException.Reason.BAD_PROOF, "missing or oversized proof");
        }
        int dot = proof.indexOf('.');
        if (dot <= 0) {
            throw new AuthenticationException(
                    AuthenticationException.Reason.BAD_PROOF, "the proof is not 'alg.base64url(value)'");
        }
        String alg = proof.substring(0, dot);
        byte[] value;
        try {
            value = Base64.getUrlDecoder().decode(proof.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException(
                    AuthenticationException.Reason.BAD_PROOF, "the proof value is not base64url");
        }
        byte[] input = input(challenge.challengeId(), challenge.nonce(), challenge.terminalId(), contentId);
        boolean ok;
        if (terminalKey instanceof TerminalKey.Symmetric symmetric) {
            requireAlg(alg, "HS256");
            byte[] expected = hmac(symmetric.kt(), challenge.terminalId(), input);
            ok = MessageDigest.isEqual(expected, value);
        } else {
            PublicKey key = ((TerminalKey.Public) terminalKey).publicKey();
            requireAlg(alg, algorithmOf(key));
            try {
                Signature verifier = engine(alg);
                verifier.initVerify(key);
                verifier.update(input);
                ok = verifier.verify(value);
            } catch (SignatureException | InvalidKeyException e) {
                ok = false;
            } catch (GeneralSecurityException e) {
                throw new CryptoException(alg + " proof verification failed", e);
            }
        }
        if (!ok) {
            throw new AuthenticationException(
                    AuthenticationException.Reason.BAD_PROOF,
                    "the proof does not verify under the terminal's registered key");
        }
    }

    private static void requireAlg(String alg, String expected) throws AuthenticationException {
        if (!alg.equals(expected)) {
            throw new AuthenticationException(
                    AuthenticationException.Reason.BAD_PROOF,
                    "proof algorithm '" + alg + "' does not fit the terminal's key (" + expected + " expected)");
        }
    }

    private static String algorithmOf(java.security.Key key) throws AuthenticationException {
        if (key instanceof RSAKey) {
            return "PS256";
        }
        if (key instanceof ECKey) {
            return "ES256";
        }
        throw new AuthenticationException(
                AuthenticationException.Reason.UNSUPPORTED_KEY,
                "a " + key.getAlgorithm() + " terminal key cannot sign a session proof (RSA, EC P-256 or a KT)");
    }

    private Signature engine(String alg) throws GeneralSecurityException {
        if (alg.equals("PS256")) {
            Signature s = crypto.signature("RSASSA-PSS");
            s.setParameter(PSS);
            return s;
        }
        return crypto.signature("SHA256withECDSAinP1363Format");
    }

    private byte[] hmac(byte[] kt, String terminalId, byte[] input) {
        byte[] proofKey =
                new Hkdf(crypto).derive(kt, PROOF_SALT, terminalId.getBytes(StandardCharsets.UTF_8), Hkdf.HASH_BYTES);
        try {
            Mac mac = crypto.mac("HmacSHA256");
            mac.init(new SecretKeySpec(proofKey, "HmacSHA256"));
            return mac.doFinal(input);
        } catch (InvalidKeyException e) {
            throw new CryptoException("HMAC-SHA256 proof failed", e);
        } finally {
            SecretKeys.wipe(proofKey);
        }
    }
}

package org.splitcast.crypto;

/**
 * The kinds of public key a terminal may register as its KT (docs/architecture.md §4), and how a content
 * key is wrapped for each: RSA-OAEP-SHA256, or ECDH-ES + AES-KW on P-256 or X25519.
 */
public enum PublicKeyKind {
    /** RSA of at least 2048 bits; keys are wrapped with RSA-OAEP (SHA-256). */
    RSA,
    /** Elliptic curve NIST P-256 (secp256r1); keys are wrapped with ECDH-ES + AES-KW. */
    EC_P256,
    /** Curve25519 (RFC 7748); keys are wrapped with ECDH-ES + AES-KW. */
    X25519
}

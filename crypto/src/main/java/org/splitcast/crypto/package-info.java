/**
 * The one crypto boundary of splitcast: {@link org.splitcast.crypto.CryptoProvider} hands out JCA
 * engines from the native Amazon Corretto Crypto Provider where it loads (RSA/ECDSA signatures,
 * RSA-OAEP, ECDH) and from a single BouncyCastle instance for everything else; {@link
 * org.splitcast.crypto.AesGcm}, {@link org.splitcast.crypto.PasswordHasher} and {@link
 * org.splitcast.crypto.PublicKeyCodec} are the few higher-level operations the server and the
 * terminal SDK share (envelope encryption of keys at rest, docs/architecture.md §4; credential hashing;
 * terminals' registered public keys KT).
 */
package org.splitcast.crypto;

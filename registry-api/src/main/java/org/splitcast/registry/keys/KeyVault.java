package org.splitcast.registry.keys;

import jakarta.ejb.Local;
import org.splitcast.crypto.IntegrityException;

/**
 * Seals secret keys for storage and opens them for use. Everything that writes a secret key to
 * the database goes through here; nothing else ever sees the master key.
 */
@Local
public interface KeyVault {

    /** An envelope of {@code secret} for {@code owner}, to store. */
    byte[] seal(byte[] secret, KeyOwner owner);

    /**
     * The secret inside {@code envelope}. The caller owns the returned array and should wipe it
     * when done.
     *
     * @throws IntegrityException if the envelope is not {@code owner}'s or was altered
     */
    byte[] open(byte[] envelope, KeyOwner owner);

    /** For the health check: whether the keystore is still readable and a round trip works. */
    VaultStatus status();

    /**
     * What the health check reports.
     *
     * @param keystore where the keystore file is
     * @param masterKeyVersion the version new envelopes are sealed with
     * @param working whether the file is readable and a seal/open round trip succeeded
     * @param detail why not, when not working
     */
    record VaultStatus(String keystore, int masterKeyVersion, boolean working, String detail) {}
}

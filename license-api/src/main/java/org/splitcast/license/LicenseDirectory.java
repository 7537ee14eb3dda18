package org.splitcast.license;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.Optional;

/**
 * What other modules read about the licenses issued (the session server, before it sends a
 * terminal any complementary information), with no authorization check: boundaries never use it.
 */
@Local
public interface LicenseDirectory {

    /**
     * The terminal's most recently issued license for the content that is valid at {@code at}
     * (issued at or before it, not yet expired), if any. Whether the terminal is still active and
     * its subscriber still entitled is the caller's to check (the registry knows).
     */
    Optional<ValidLicense> latestValid(String terminalId, String contentId, Instant at);

    /**
     * A valid license, as another module may see it: never a key.
     *
     * @param keyId the content key the license carries (its {@code keyId})
     */
    record ValidLicense(String licenseId, String keyId, Instant issuedAt, Instant expiresAt) {}
}

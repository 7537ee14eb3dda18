package org.splitcast.license;

import java.time.Instant;

/**
 * Domain event: a license was issued (step 150), fired in the issuing transaction and observed
 * after it commits (the recommendation model's viewing history grows with it).
 */
public record LicenseIssued(
        String licenseId,
        String subscriberId,
        String terminalId,
        String contentId,
        String keyId,
        AccessSource source,
        Instant issuedAt) {}

package org.splitcast.license;

/**
 * A license as issued (docs/license-format.md §1) and how its access block was obtained.
 *
 * @param access the signed access block (a JWS)
 * @param grant the per-request part (a JWS with an HMAC)
 * @param source whether the access block was precomputed or computed for this request
 * @param playsLeft licenses the subscriber may still get for this content within the rules'
 *     window after this one ({@code maxPlays} minus the plays counted); null when unlimited
 */
public record IssuedLicense(
        String format,
        String licenseId,
        String contentId,
        String terminalId,
        String keyId,
        String access,
        String grant,
        AccessSource source,
        Integer playsLeft) {}

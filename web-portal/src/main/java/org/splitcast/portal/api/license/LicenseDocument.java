package org.splitcast.portal.api.license;

import org.splitcast.license.IssuedLicense;

/** A license as the REST API returns it (docs/license-format.md §1). */
public record LicenseDocument(
        String format,
        String licenseId,
        String contentId,
        String terminalId,
        String keyId,
        String access,
        String grant) {

    static LicenseDocument of(IssuedLicense l) {
        return new LicenseDocument(
                l.format(), l.licenseId(), l.contentId(), l.terminalId(), l.keyId(), l.access(), l.grant());
    }
}

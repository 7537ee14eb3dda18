package org.splitcast.terminal.sdk;

import org.splitcast.license.format.License;
import org.splitcast.license.format.VerifiedLicense;

/**
 * A license the server issued and this terminal verified.
 *
 * @param license the verified values, with Kc
 * @param raw the license as the server sent it (public: Kc is wrapped inside)
 * @param access the {@code Splitcast-Access} header: {@code precomputed} or {@code computed}
 *     (null if the server did not say)
 */
public record ObtainedLicense(VerifiedLicense license, License raw, String access) {}

package org.splitcast.benchmarks.license;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.AccessBlock;
import org.splitcast.license.format.License;
import org.splitcast.license.format.LicenseRejectedException;
import org.splitcast.license.format.LicenseVerifier;
import org.splitcast.license.format.SignatureAlgorithm;
import org.splitcast.license.format.VerifiedLicense;

/**
 * What the benchmarks measure is real work: the licenses of a miss and of a hit verify at the
 * terminal and open to the content key. No timing here: the benchmarks run only on demand.
 */
class IssuerTest {

    @ParameterizedTest
    @CsvSource({
        "bouncycastle, PS256, AES_256",
        "bouncycastle, ES256, EC_P256",
        "bouncycastle, EdDSA, AES_256",
        "native, PS256, EC_P256",
        "native, ES256, AES_256",
        "native, EdDSA, EC_P256"
    })
    void missAndHitLicensesVerifyAtTheTerminal(
            String crypto, SignatureAlgorithm algorithm, Issuer.TerminalKind terminal) throws LicenseRejectedException {
        assumeTrue(
                !crypto.equals("native") || CryptoProvider.getDefault().nativeAccelerated(),
                "no native provider on this platform");
        Issuer issuer = new Issuer(Issuer.provider(crypto), algorithm, terminal);

        assertOpensToContentKey(issuer, issuer.miss());
        AccessBlock stored = issuer.accessBlock();
        assertOpensToContentKey(issuer, issuer.hit(stored));
    }

    private static void assertOpensToContentKey(Issuer issuer, License license) throws LicenseRejectedException {
        LicenseVerifier verifier =
                new LicenseVerifier(issuer.keySet(), issuer.crypto(), LicenseVerifier.DEFAULT_CLOCK_SKEW);
        VerifiedLicense verified = verifier.verify(
                license, issuer.terminalId(), issuer.terminalSecret(), Issuer.CONTENT_ID, Issuer.NONCE, Issuer.NOW);
        assertEquals(Issuer.CONTENT_ID, verified.contentId());
        assertArrayEquals(issuer.contentKey(), verified.contentKey());
    }
}

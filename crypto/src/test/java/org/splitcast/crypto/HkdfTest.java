package org.splitcast.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** HKDF-SHA256 against the test vectors of RFC 5869, Appendix A. */
class HkdfTest {

    private static final HexFormat HEX = HexFormat.of();
    private final Hkdf hkdf = new Hkdf(CryptoProvider.bouncyCastle());

    @Test
    void rfc5869TestCase1() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
        byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");

        assertArrayEquals(
                HEX.parseHex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"),
                hkdf.extract(salt, ikm));
        assertArrayEquals(
                HEX.parseHex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
                hkdf.derive(ikm, salt, info, 42));
    }

    @Test
    void rfc5869TestCase2LongInputsAndOutput() {
        byte[] ikm = range(0x00, 80);
        byte[] salt = range(0x60, 80);
        byte[] info = range(0xb0, 80);

        assertArrayEquals(
                HEX.parseHex("b11e398dc80327a1c8e7f78c596a4934"
                        + "4f012eda2d4efad8a050cc4c19afa97c"
                        + "59045a99cac7827271cb41c65e590e09"
                        + "da3275600c2f09b8367793a9aca3db71"
                        + "cc30c58179ec3e87c14c01d5c1f3434f"
                        + "1d87"),
                hkdf.derive(ikm, salt, info, 82));
    }

    @Test
    void rfc5869TestCase3NoSaltNoInfo() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");

        assertArrayEquals(
                HEX.parseHex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"),
                hkdf.derive(ikm, null, new byte[0], 42));
        assertArrayEquals(hkdf.derive(ikm, null, null, 42), hkdf.derive(ikm, new byte[0], new byte[0], 42));
    }

    @Test
    void nativeProviderDerivesTheSame() {
        byte[] ikm = range(7, 32);
        assertArrayEquals(
                hkdf.derive(ikm, range(1, 16), range(2, 20), 32),
                new Hkdf(CryptoProvider.getDefault()).derive(ikm, range(1, 16), range(2, 20), 32));
    }

    @Test
    void outputLengthIsBounded() {
        byte[] prk = new byte[32];
        assertThrows(IllegalArgumentException.class, () -> hkdf.expand(prk, null, 0));
        assertThrows(IllegalArgumentException.class, () -> hkdf.expand(prk, null, 255 * 32 + 1));
        assertThrows(IllegalArgumentException.class, () -> hkdf.expand(new byte[16], null, 32));
    }

    private static byte[] range(int first, int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }
}

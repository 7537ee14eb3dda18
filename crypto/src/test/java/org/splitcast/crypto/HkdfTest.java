package org.splitcast.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HkdfTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    /** RFC 5869 appendix A.1 (basic test case with SHA-256). */
    @Test
    void matchesRfc5869TestCase1() {
        byte[] okm = new Hkdf(CryptoProvider.bouncyCastle())
                .derive(
                        hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                        hex("000102030405060708090a0b0c"),
                        hex("f0f1f2f3f4f5f6f7f8f9"),
                        42);
        assertArrayEquals(
                hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"), okm);
    }

    /** RFC 5869 appendix A.3 (zero-length salt and info). */
    @Test
    void matchesRfc5869TestCase3WithoutSaltOrInfo() {
        byte[] okm = new Hkdf(CryptoProvider.getDefault())
                .derive(hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), null, null, 42);
        assertArrayEquals(
                hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"), okm);
    }

    @Test
    void refusesImpossibleLengths() {
        Hkdf hkdf = new Hkdf(CryptoProvider.bouncyCastle());
        assertThrows(IllegalArgumentException.class, () -> hkdf.derive(new byte[32], null, null, 0));
        assertThrows(IllegalArgumentException.class, () -> hkdf.derive(new byte[32], null, null, 255 * 32 + 1));
    }
}

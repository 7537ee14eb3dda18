package org.splitcast.license.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class NoncesTest {

    private static String of(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Fixtures.CRYPTO.randomBytes(bytes));
    }

    @Test
    void generatedNoncesAreValidAndFresh() {
        String a = Nonces.generate(Fixtures.CRYPTO);
        String b = Nonces.generate(Fixtures.CRYPTO);

        assertEquals(43, a.length());
        assertTrue(Nonces.isValid(a));
        assertNotEquals(a, b);
        assertEquals(32, Base64.getUrlDecoder().decode(a).length);
    }

    @Test
    void sixteenToSixtyFourBytesAreAccepted() {
        assertFalse(Nonces.isValid(of(15)));
        assertTrue(Nonces.isValid(of(16)));
        assertTrue(Nonces.isValid(of(17)));
        assertTrue(Nonces.isValid(of(18)));
        assertTrue(Nonces.isValid(of(64)));
        assertFalse(Nonces.isValid(of(65)));
        assertTrue(Nonces.isValid("q0sQ0mG0s3Qm0W6qvY0hWQ"), "the example of docs §1");
    }

    @Test
    void anythingButCanonicalUnpaddedBase64UrlIsRefused() {
        byte[] bytes = new byte[16];
        bytes[0] = (byte) 0xfb; // encodes with '-' in url-safe and '+' in standard base64
        bytes[1] = (byte) 0xff;
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertTrue(url.contains("-") || url.contains("_"), url);
        assertTrue(Nonces.isValid(url));

        assertFalse(Nonces.isValid(null));
        assertFalse(Nonces.isValid(""));
        assertFalse(Nonces.isValid(Base64.getUrlEncoder().encodeToString(bytes)), "padding");
        assertFalse(Nonces.isValid(Base64.getEncoder().withoutPadding().encodeToString(bytes)), "standard alphabet");
        assertFalse(Nonces.isValid(" " + url));
        assertFalse(Nonces.isValid(url.substring(0, 20) + "\n" + url.substring(20)));
        assertFalse(Nonces.isValid(url + "AAA"), "25 characters: a length no base64 string has");
        // 16 bytes take 22 characters, the last carrying 4 unused bits that must be zero
        assertFalse(Nonces.isValid(url.substring(0, 21) + "B"));
        assertFalse(Nonces.isValid("é".repeat(22)));
        assertFalse(Nonces.isValid("A".repeat(10_000)));
    }
}

package org.splitcast.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    // a low cost keeps the test fast; the format and the checks are the same
    private final PasswordHasher hasher = new PasswordHasher(CryptoProvider.getDefault(), 64, 1, 1);

    @Test
    void rightPasswordVerifies() {
        String phc = hasher.hash("correct horse".toCharArray());

        assertTrue(phc.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), phc);
        assertTrue(hasher.verify("correct horse".toCharArray(), phc));
    }

    @Test
    void wrongPasswordFails() {
        String phc = hasher.hash("correct horse".toCharArray());

        assertFalse(hasher.verify("correct horsE".toCharArray(), phc));
        assertFalse(hasher.verify(new char[0], phc));
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        assertNotEquals(hasher.hash("pw".toCharArray()), hasher.hash("pw".toCharArray()));
    }

    @Test
    void hashOfAnotherCostStillVerifiesAndAsksForRehash() {
        PasswordHasher stronger = new PasswordHasher(CryptoProvider.getDefault(), 128, 2, 1);
        String old = hasher.hash("pw".toCharArray());

        assertTrue(stronger.verify("pw".toCharArray(), old));
        assertTrue(stronger.needsRehash(old));
        assertFalse(hasher.needsRehash(old));
    }

    @Test
    void malformedHashNeverVerifies() {
        assertFalse(hasher.verify("pw".toCharArray(), null));
        assertFalse(hasher.verify("pw".toCharArray(), "plain-text-password"));
        assertFalse(hasher.verify(
                "pw".toCharArray(), "$argon2id$v=19$m=99999999,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA"));
    }
}

package org.splitcast.license.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.license.format.Fixtures.ACCESS_EXPIRES;
import static org.splitcast.license.format.Fixtures.CRYPTO;
import static org.splitcast.license.format.Fixtures.GRANT_EXPIRES;
import static org.splitcast.license.format.Fixtures.NOW;
import static org.splitcast.license.format.Fixtures.RULES;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitcast.license.format.Fixtures.Terminal;
import org.splitcast.license.format.Fixtures.TerminalKind;

/**
 * A composer that remembers its access blocks' expiry and binding (the license server's) writes
 * exactly the grants of one that reads every block anew, keeps refusing a grant that outlives its
 * block, and stays within its bound.
 */
class GrantComposerMemoryTest {

    private static final String CONTENT = "memory-content";

    private final AccessBlockComposer blocks = new AccessBlockComposer(CRYPTO);

    private AccessBlock block(Terminal t, java.time.Instant expires) {
        return blocks.compose(
                CONTENT,
                t.id(),
                "k",
                CRYPTO.randomBytes(32),
                t.serverSide(),
                RULES,
                NOW,
                expires,
                Fixtures.signingKey(SignatureAlgorithm.ES256));
    }

    @Test
    void remembersGiveTheSameGrantsAsReadingEachBlock() {
        Terminal t = Fixtures.terminal(TerminalKind.EC_P256);
        GrantComposer reading = new GrantComposer(CRYPTO);
        GrantComposer remembering = new GrantComposer(CRYPTO, 8);
        List<AccessBlock> accesses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            accesses.add(block(t, ACCESS_EXPIRES.minusSeconds(i * 60L)));
        }
        for (int round = 0; round < 3; round++) {
            for (AccessBlock a : accesses) {
                String nonce = Nonces.generate(CRYPTO);
                String expected = reading.compose(a.compact(), a.grantKey(), "lic", nonce, NOW, NOW, GRANT_EXPIRES);
                String actual = remembering.compose(a.compact(), a.grantKey(), "lic", nonce, NOW, NOW, GRANT_EXPIRES);
                assertEquals(expected, actual);
            }
        }
        assertEquals(3, remembering.remembered());
    }

    @Test
    void aRememberedBlockStillLimitsTheGrant() {
        Terminal t = Fixtures.terminal(TerminalKind.EC_P256);
        GrantComposer remembering = new GrantComposer(CRYPTO, 8);
        AccessBlock a = block(t, NOW.plusSeconds(600));
        remembering.compose(a.compact(), a.grantKey(), "lic", Nonces.generate(CRYPTO), NOW, NOW, NOW.plusSeconds(600));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> remembering.compose(
                        a.compact(), a.grantKey(), "lic", Nonces.generate(CRYPTO), NOW, NOW, NOW.plusSeconds(601)));
        assertTrue(e.getMessage().contains("after the access block's expiry"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> remembering.compose(
                        "not.an.access", a.grantKey(), "lic", Nonces.generate(CRYPTO), NOW, NOW, NOW));
    }

    @Test
    void staysWithinItsBound() {
        Terminal t = Fixtures.terminal(TerminalKind.EC_P256);
        GrantComposer remembering = new GrantComposer(CRYPTO, 4);
        for (int i = 0; i < 10; i++) {
            AccessBlock a = block(t, ACCESS_EXPIRES.minusSeconds(i));
            remembering.compose(a.compact(), a.grantKey(), "lic", Nonces.generate(CRYPTO), NOW, NOW, GRANT_EXPIRES);
            assertTrue(remembering.remembered() <= 4, "remembered " + remembering.remembered());
        }
    }
}

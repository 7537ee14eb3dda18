package org.splitcast.multicast.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.license.format.TerminalKeyWrapping;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.keys.LiveSigner;
import org.splitcast.multicast.session.JoinTicket;
import org.splitcast.multicast.session.SessionGrant;

class SessionAuthenticatorTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();

    private static final class MutableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private final MutableClock clock = new MutableClock();
    private final SessionAuthenticator auth =
            new SessionAuthenticator(new InMemoryChallengeStore(100, clock), Duration.ofMinutes(2), clock, CRYPTO);
    private final SessionProof proofs = new SessionProof(CRYPTO);

    private static KeyPair pair(String alg) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
        if (alg.equals("EC")) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            g.initialize(2048);
        }
        return g.generateKeyPair();
    }

    @Test
    void eachKindOfTerminalKeyProvesItself() throws Exception {
        byte[] kt = CRYPTO.randomBytes(32);
        Challenge c = auth.issue("t1");
        auth.authenticate(
                "t1",
                "news",
                c.challengeId(),
                proofs.prove(c, "news", new TerminalSecret.Symmetric(kt.clone())),
                new TerminalKey.Symmetric(kt.clone()));
        for (String alg : new String[] {"EC", "RSA"}) {
            KeyPair p = pair(alg);
            Challenge ci = auth.issue("t2");
            auth.authenticate(
                    "t2",
                    "news",
                    ci.challengeId(),
                    proofs.prove(ci, "news", new TerminalSecret.Private(p.getPrivate())),
                    new TerminalKey.Public(p.getPublic()));
        }
    }

    @Test
    void wrongProofReplayOtherContentOtherTerminalAndExpiryAreRefused() throws Exception {
        byte[] kt = CRYPTO.randomBytes(32);
        TerminalKey key = new TerminalKey.Symmetric(kt.clone());
        TerminalSecret secret = new TerminalSecret.Symmetric(kt.clone());

        Challenge c1 = auth.issue("t1");
        String other = proofs.prove(c1, "news", new TerminalSecret.Symmetric(CRYPTO.randomBytes(32)));
        assertEquals(
                AuthenticationException.Reason.BAD_PROOF,
                assertThrows(
                                AuthenticationException.class,
                                () -> auth.authenticate("t1", "news", c1.challengeId(), other, key))
                        .reason());

        Challenge c2 = auth.issue("t1");
        String good = proofs.prove(c2, "news", secret);
        auth.authenticate("t1", "news", c2.challengeId(), good, key);
        assertEquals(
                AuthenticationException.Reason.UNKNOWN_CHALLENGE,
                assertThrows(
                                AuthenticationException.class,
                                () -> auth.authenticate("t1", "news", c2.challengeId(), good, key))
                        .reason());

        Challenge c3 = auth.issue("t1");
        String forNews = proofs.prove(c3, "news", secret);
        assertEquals(
                AuthenticationException.Reason.BAD_PROOF,
                assertThrows(
                                AuthenticationException.class,
                                () -> auth.authenticate("t1", "sports", c3.challengeId(), forNews, key))
                        .reason());

        Challenge c4 = auth.issue("t1");
        assertEquals(
                AuthenticationException.Reason.WRONG_TERMINAL,
                assertThrows(
                                AuthenticationException.class,
                                () -> auth.authenticate(
                                        "t9", "news", c4.challengeId(), proofs.prove(c4, "news", secret), key))
                        .reason());

        Challenge c5 = auth.issue("t1");
        clock.now.set(clock.now.get().plus(Duration.ofMinutes(3)));
        assertEquals(
                AuthenticationException.Reason.EXPIRED_CHALLENGE,
                assertThrows(
                                AuthenticationException.class,
                                () -> auth.authenticate(
                                        "t1", "news", c5.challengeId(), proofs.prove(c5, "news", secret), key))
                        .reason());

        Challenge c6 = auth.issue("t1");
        assertEquals(
                AuthenticationException.Reason.BAD_PROOF,
                assertThrows(
                                AuthenticationException.class,
                                () -> auth.authenticate("t1", "news", c6.challengeId(), "HS256.%%%", key))
                        .reason());
    }

    @Test
    void theSessionKeyTravelsInTheLicenseWrapForEveryTerminalKind() throws Exception {
        byte[] sk = CRYPTO.randomBytes(32);
        byte[] kt = CRYPTO.randomBytes(32);
        assertArrayEquals(
                sk,
                TerminalKeyWrapping.unwrap(
                        SessionGrant.wrapSessionKey(new TerminalKey.Symmetric(kt.clone()), sk, "t1", CRYPTO),
                        new TerminalSecret.Symmetric(kt.clone()),
                        "t1",
                        32,
                        CRYPTO));
        for (String alg : new String[] {"EC", "RSA", "X25519"}) {
            KeyPair p = alg.equals("X25519")
                    ? KeyPairGenerator.getInstance("X25519").generateKeyPair()
                    : pair(alg);
            String wrapped = SessionGrant.wrapSessionKey(new TerminalKey.Public(p.getPublic()), sk, "t1", CRYPTO);
            assertArrayEquals(
                    sk,
                    TerminalKeyWrapping.unwrap(wrapped, new TerminalSecret.Private(p.getPrivate()), "t1", 32, CRYPTO),
                    alg);
            KeyPair stranger = alg.equals("X25519")
                    ? KeyPairGenerator.getInstance("X25519").generateKeyPair()
                    : pair(alg);
            assertThrows(
                    TerminalKeyWrapping.UnwrapFailedException.class,
                    () -> TerminalKeyWrapping.unwrap(
                            wrapped, new TerminalSecret.Private(stranger.getPrivate()), "t1", 32, CRYPTO),
                    alg);
        }
    }

    @Test
    void joinTicketsVerifyOnlyWithTheServersKeyAndBeforeTheirExpiry() throws Exception {
        LiveSigner signer = LiveSigner.generate("live-1", CRYPTO);
        String ticket = new JoinTicket("s1", "t1", "news", clock.instant().plusSeconds(60)).sign(signer);
        assertEquals("news", JoinTicket.verify(ticket, signer.verifier(), clock).groupId());
        LiveSigner other = LiveSigner.generate("live-1", CRYPTO);
        assertThrows(JoinTicket.InvalidTicketException.class, () -> JoinTicket.verify(ticket, other.verifier(), clock));
        assertThrows(
                JoinTicket.InvalidTicketException.class,
                () -> JoinTicket.verify(ticket.substring(0, 40), signer.verifier(), clock));
        assertThrows(JoinTicket.InvalidTicketException.class, () -> JoinTicket.verify("!!", signer.verifier(), clock));
        clock.now.set(clock.now.get().plusSeconds(61));
        assertThrows(
                JoinTicket.InvalidTicketException.class, () -> JoinTicket.verify(ticket, signer.verifier(), clock));
    }
}

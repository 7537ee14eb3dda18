package org.splitcast.jgroups;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class PeerCertificateVerifierTest {

    private static final String EDGE = "CN=edge-ap17,OU=edge,O=splitcast";

    @Test
    void byDefaultAnyCertificateTheCaSignedIsAccepted() {
        PeerCertificateVerifier verifier = new PeerCertificateVerifier();
        verifier.init(".+");
        assertDoesNotThrow(() -> verifier.verify(sessionWithPeer(EDGE)));
    }

    @Test
    void subjectMustMatchThePatternAsAWhole() {
        PeerCertificateVerifier verifier = new PeerCertificateVerifier();
        verifier.init("CN=[^,]+,OU=(central|edge),O=splitcast");
        assertDoesNotThrow(() -> verifier.verify(sessionWithPeer(EDGE)));
        SecurityException e = assertThrows(
                SecurityException.class, () -> verifier.verify(sessionWithPeer("CN=tv-42,OU=terminal,O=splitcast")));
        assertTrue(e.getMessage().contains("CN=tv-42,OU=terminal,O=splitcast"), e.getMessage());
        assertThrows(
                SecurityException.class,
                () -> verifier.verify(sessionWithPeer("CN=x,OU=edge,O=splitcast,DC=elsewhere")),
                "a partial match is not enough");
    }

    @Test
    void peerWithoutCertificateIsRefused() {
        PeerCertificateVerifier verifier = new PeerCertificateVerifier();
        verifier.init(".+");
        assertThrows(SecurityException.class, () -> verifier.verify(sessionWithPeer(null)));
    }

    @Test
    void invalidPatternIsReportedWithThePropertyName() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new PeerCertificateVerifier().init("(unclosed"));
        assertTrue(e.getMessage().contains(SplitcastStacks.PEER_SUBJECT_PATTERN), e.getMessage());
        PeerCertificateVerifier verifier = new PeerCertificateVerifier();
        verifier.init("O=splitcast");
        assertEquals("O=splitcast", verifier.subjectPattern());
    }

    /** An SSLSession whose peer has this subject (null: no certificate). */
    private static SSLSession sessionWithPeer(String subject) {
        return (SSLSession) Proxy.newProxyInstance(
                SSLSession.class.getClassLoader(), new Class<?>[] {SSLSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getPeerPrincipal")) {
                        if (subject == null) {
                            throw new SSLPeerUnverifiedException("peer not authenticated");
                        }
                        return new X500Principal(subject);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}

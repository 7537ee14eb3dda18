package org.splitcast.jgroups;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.jgroups.protocols.SSL_KEY_EXCHANGE;

/**
 * The check SSL_KEY_EXCHANGE makes on its peer after the TLS handshake, on both sides (the
 * coordinator handing out the group key, the member fetching it): the peer's certificate, already
 * validated against the cluster CA by TLS, must have a subject DN (RFC 2253 form, e.g. {@code
 * CN=edge-ap17,OU=edge,O=splitcast}) that matches, as a whole, the regular expression of {@code
 * splitcast.jgroups.tls.peer_subject_pattern}.
 *
 * <p>With a CA dedicated to the cluster the default pattern ({@code .+}) is enough; where the CA
 * also issues other certificates, the pattern keeps them out, e.g. {@code
 * CN=[^,]+,OU=(central|edge),O=splitcast}. JGroups creates it by name from {@code
 * secure-protocols.xml} and calls {@link #init} with the pattern.
 */
public final class PeerCertificateVerifier implements SSL_KEY_EXCHANGE.SessionVerifier {

    private Pattern subjectPattern = Pattern.compile(".+");

    @Override
    public void init(String pattern) {
        try {
            subjectPattern = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "splitcast.jgroups.tls.peer_subject_pattern is not a regular expression: " + pattern, e);
        }
    }

    @Override
    public void verify(SSLSession session) throws SecurityException {
        String subject;
        try {
            subject = session.getPeerPrincipal().getName();
        } catch (SSLPeerUnverifiedException e) {
            throw new SecurityException("the key exchange peer presented no certificate", e);
        }
        if (!subjectPattern.matcher(subject).matches()) {
            throw new SecurityException("the key exchange peer's certificate subject '" + subject + "' does not match '"
                    + subjectPattern + "'");
        }
    }

    /** The pattern in force (for tests and diagnostics). */
    public String subjectPattern() {
        return subjectPattern.pattern();
    }
}

package org.splitcast.portal.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.registry.account.Caller;

/**
 * The portal's signed-in browsers, in this node's memory (a cluster needs sticky sessions; a
 * restart signs everyone out). A session is opened only after {@code AccountService.authenticate}
 * accepted the password; it ends at sign-out, after {@code splitcast.session.idle-timeout} without
 * a request, or {@code splitcast.session.max-age} after sign-in, whichever comes first.
 *
 * <p>The session token (the cookie's value) and the CSRF token are 32 random bytes each; the store
 * keys a session by the SHA-256 of its token, so a heap dump does not hand out usable cookies.
 * Memory is bounded: at most {@value #MAX_PER_ACCOUNT} sessions per account (signing in again
 * ends the oldest) and {@value #MAX_SESSIONS} in all (then the oldest ends).
 */
@ApplicationScoped
public class BrowserSessions {

    static final int MAX_PER_ACCOUNT = 20;
    static final int MAX_SESSIONS = 50_000;
    /** A token is 43 base64url characters; anything much longer is not ours. */
    private static final int MAX_TOKEN_LENGTH = 64;

    @Inject
    @ConfigProperty(name = "splitcast.session.idle-timeout", defaultValue = "PT30M")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "splitcast.session.max-age", defaultValue = "PT12H")
    Duration maxAge;

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private CryptoProvider crypto;
    private Clock clock = Clock.systemUTC();

    private static final class Entry {
        final BrowserSession session;
        volatile Instant lastUsed;

        Entry(BrowserSession session, Instant lastUsed) {
            this.session = session;
            this.lastUsed = lastUsed;
        }
    }

    /** A new session and its token (the cookie value), returned once and never kept. */
    public record Opened(String token, BrowserSession session) {}

    @PostConstruct
    void init() {
        crypto = CryptoProvider.getDefault();
    }

    /** Opens a session for a caller whose password was just verified. */
    public Opened open(Caller caller) {
        Instant now = clock.instant();
        purgeExpired(now);
        evictOldest(e -> e.session.caller().username().equals(caller.username()), MAX_PER_ACCOUNT - 1);
        evictOldest(e -> true, MAX_SESSIONS - 1);
        String token = randomToken();
        BrowserSession session = new BrowserSession(caller, randomToken(), now, now.plus(maxAge));
        sessions.put(hash(token), new Entry(session, now));
        return new Opened(token, session);
    }

    /** The live session of this token, which counts as a use; empty if unknown or expired. */
    public Optional<BrowserSession> find(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String key = hash(token);
        Entry entry = sessions.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(entry, now)) {
            sessions.remove(key, entry);
            return Optional.empty();
        }
        entry.lastUsed = now;
        return Optional.of(entry.session);
    }

    /** Ends the session of this token (sign-out); nothing if there is none. */
    public void close(String token) {
        if (token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH) {
            sessions.remove(hash(token));
        }
    }

    /** Whether {@code presented} is the session's CSRF token (compared in constant time). */
    public static boolean csrfMatches(BrowserSession session, String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                        presented.getBytes(StandardCharsets.US_ASCII));
    }

    int size() {
        return sessions.size();
    }

    void useClock(Clock clock) {
        this.clock = clock;
    }

    private boolean expired(Entry entry, Instant now) {
        return !now.isBefore(entry.session.expiresAt()) || !now.isBefore(entry.lastUsed.plus(idleTimeout));
    }

    private void purgeExpired(Instant now) {
        sessions.entrySet().removeIf(e -> expired(e.getValue(), now));
    }

    private void evictOldest(java.util.function.Predicate<Entry> which, int keep) {
        var matching = sessions.entrySet().stream()
                .filter(e -> which.test(e.getValue()))
                .sorted(Comparator.comparing(e -> e.getValue().session.createdAt()))
                .toList();
        for (int i = 0; i < matching.size() - keep; i++) {
            sessions.remove(matching.get(i).getKey());
        }
    }

    private String randomToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(crypto.randomBytes(32));
    }

    private String hash(String token) {
        byte[] digest = crypto.messageDigest("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}

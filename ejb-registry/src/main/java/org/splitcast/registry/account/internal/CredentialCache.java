package org.splitcast.registry.account.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.registry.account.Caller;

/**
 * Credentials verified recently, so that an API client sending HTTP Basic credentials on every
 * request does not pay an Argon2id verification each time. An entry holds an HMAC of the password
 * under a key that lives only in this process's memory (never the password, never its hash).
 * Deleting an account or subscriber evicts it at once.
 *
 * <p>An entry is fresh for {@code splitcast.auth.cache-seconds}; then stale for as long again: a
 * stale entry still answers (the same credentials were verified a moment ago) and hands the
 * request's password to one background re-verification against the account's hash, which renews
 * the entry or evicts it (issue 12: a cached, still-valid login never pays Argon2id on its request
 * path). Past that, the entry is gone and the next request verifies again. Verifications of the
 * same credentials are single-flight ({@link #verifyOnce}): when many requests with one login
 * arrive at once with no entry, one of them runs Argon2id and the others wait for its answer,
 * instead of N verifications at once.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // a ConcurrentHashMap, no container lock
public class CredentialCache {

    private static final int MAX_ENTRIES = 100_000;

    private record Entry(byte[] mac, Caller caller, long verifiedAtNanos, AtomicBoolean refreshing) {}

    /** A cached caller, and whether the entry wants a background re-verification. */
    public record Hit(Caller caller, boolean refresh) {}

    @Inject
    @ConfigProperty(name = "splitcast.auth.cache-seconds")
    long cacheSeconds;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Verifications in progress, by username and MAC of the password: one per credentials. */
    private final Map<String, CompletableFuture<Optional<Caller>>> verifying = new ConcurrentHashMap<>();

    private SecretKey macKey;

    @PostConstruct
    void init() {
        macKey = SecretKeys.generateAes(CryptoProvider.getDefault(), 256);
    }

    /** The cached caller, if these exact credentials were verified and have not expired. */
    public Optional<Caller> lookup(String username, char[] password) {
        return find(username, password).map(Hit::caller);
    }

    /**
     * The cached caller, if these exact credentials were verified and the entry has not expired;
     * {@link Hit#refresh()} is true for exactly one caller of a stale entry (until its
     * re-verification {@link #remember renews} or {@link #evict evicts} it).
     */
    public Optional<Hit> find(String username, char[] password) {
        Entry entry = entries.get(username);
        if (entry == null) {
            return Optional.empty();
        }
        long age = System.nanoTime() - entry.verifiedAtNanos();
        long fresh = cacheSeconds * 1_000_000_000L;
        if (age >= 2 * fresh) {
            entries.remove(username, entry);
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(entry.mac(), mac(username, password))) {
            return Optional.empty();
        }
        boolean refresh = age >= fresh && entry.refreshing().compareAndSet(false, true);
        return Optional.of(new Hit(entry.caller(), refresh));
    }

    /**
     * Runs {@code verification} for these credentials unless the same credentials are being
     * verified already, in which case this waits for that verification's answer.
     */
    public Optional<Caller> verifyOnce(String username, char[] password, Supplier<Optional<Caller>> verification) {
        String key = username + '\0' + Base64.getEncoder().encodeToString(mac(username, password));
        CompletableFuture<Optional<Caller>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Caller>> running = verifying.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                // the verification failed (not a wrong password: an error): try on our own
                return verification.get();
            }
        }
        try {
            Optional<Caller> result = verification.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            verifying.remove(key, mine);
        }
    }

    /**
     * The caller of a login verified recently, by username alone: for a call the container has
     * already authenticated (its identity carries only the name), so that finding the caller's
     * subscriber costs no database read. Empty once the entry has expired or been evicted.
     */
    public Optional<Caller> verifiedCaller(String username) {
        Entry entry = entries.get(username);
        return entry == null || System.nanoTime() - entry.verifiedAtNanos() >= 2 * cacheSeconds * 1_000_000_000L
                ? Optional.empty()
                : Optional.of(entry.caller());
    }

    public void remember(Caller caller, char[] password) {
        if (cacheSeconds <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // rare; everyone re-verifies once
        }
        entries.put(
                caller.username(),
                new Entry(mac(caller.username(), password), caller, System.nanoTime(), new AtomicBoolean()));
    }

    public void evict(String username) {
        entries.remove(username);
    }

    public void evictSubscriber(String subscriberId) {
        entries.values().removeIf(e -> subscriberId.equals(e.caller().subscriberId()));
    }

    private byte[] mac(String username, char[] password) {
        Mac mac = CryptoProvider.getDefault().threadMac("HmacSHA256");
        try {
            mac.init(macKey);
        } catch (InvalidKeyException e) {
            throw new CryptoException("cannot key the credential cache MAC", e);
        }
        mac.update(username.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        mac.update(encoded);
        Arrays.fill(encoded.array(), (byte) 0);
        return mac.doFinal();
    }
}

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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * under a key that lives only in this process's memory (never the password, never its hash), and
 * expires after {@code splitcast.auth.cache-seconds}. Deleting an account or subscriber evicts it
 * at once.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // a ConcurrentHashMap, no container lock
public class CredentialCache {

    private static final int MAX_ENTRIES = 100_000;

    private record Entry(byte[] mac, Caller caller, long expiresAtNanos) {}

    @Inject
    @ConfigProperty(name = "splitcast.auth.cache-seconds")
    long cacheSeconds;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private SecretKey macKey;

    @PostConstruct
    void init() {
        macKey = SecretKeys.generateAes(CryptoProvider.getDefault(), 256);
    }

    /** The cached caller, if these exact credentials were verified and have not expired. */
    public Optional<Caller> lookup(String username, char[] password) {
        Entry entry = entries.get(username);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.expiresAtNanos() > 0) {
            entries.remove(username, entry);
            return Optional.empty();
        }
        return MessageDigest.isEqual(entry.mac(), mac(username, password))
                ? Optional.of(entry.caller())
                : Optional.empty();
    }

    /**
     * The caller of a login verified recently, by username alone: for a call the container has
     * already authenticated (its identity carries only the name), so that finding the caller's
     * subscriber costs no database read. Empty once the entry has expired or been evicted.
     */
    public Optional<Caller> verifiedCaller(String username) {
        Entry entry = entries.get(username);
        return entry == null || System.nanoTime() - entry.expiresAtNanos() > 0
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
                new Entry(mac(caller.username(), password), caller, System.nanoTime() + cacheSeconds * 1_000_000_000L));
    }

    public void evict(String username) {
        entries.remove(username);
    }

    public void evictSubscriber(String subscriberId) {
        entries.values().removeIf(e -> subscriberId.equals(e.caller().subscriberId()));
    }

    private byte[] mac(String username, char[] password) {
        Mac mac = CryptoProvider.getDefault().mac("HmacSHA256");
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

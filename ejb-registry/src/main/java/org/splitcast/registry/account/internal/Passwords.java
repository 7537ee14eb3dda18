package org.splitcast.registry.account.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.PasswordHasher;

/** Argon2id hashing of passwords, at the cost the configuration sets ({@code splitcast.auth.argon2.*}). */
@ApplicationScoped
public class Passwords {

    @Inject
    @ConfigProperty(name = "splitcast.auth.argon2.memory-kib")
    int memoryKiB;

    @Inject
    @ConfigProperty(name = "splitcast.auth.argon2.iterations")
    int iterations;

    @Inject
    @ConfigProperty(name = "splitcast.auth.argon2.parallelism")
    int parallelism;

    private PasswordHasher hasher;
    private String dummyHash;

    @PostConstruct
    void init() {
        hasher = new PasswordHasher(CryptoProvider.getDefault(), memoryKiB, iterations, parallelism);
        // verified against when a username does not exist, so that both cases take as long
        dummyHash = hasher.hash("not a password of anyone".toCharArray());
    }

    public String hash(char[] password) {
        return hasher.hash(password);
    }

    public boolean verify(char[] password, String hash) {
        return hasher.verify(password, hash);
    }

    public boolean needsRehash(String hash) {
        return hasher.needsRehash(hash);
    }

    /** Spends the time of a verification, for a username that does not exist. */
    public void verifyNothing(char[] password) {
        hasher.verify(password, dummyHash);
    }
}

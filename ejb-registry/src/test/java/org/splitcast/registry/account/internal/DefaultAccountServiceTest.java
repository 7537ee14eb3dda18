package org.splitcast.registry.account.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.PasswordHasher;
import org.splitcast.registry.account.Caller;
import org.splitcast.registry.account.Role;

/** Authentication logic without a container: accounts in a map behind a minimal EntityManager. */
class DefaultAccountServiceTest {

    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, String> upgradedTo = new HashMap<>();
    private final DefaultAccountService service = new DefaultAccountService();

    DefaultAccountServiceTest() {
        Passwords passwords = new Passwords();
        passwords.memoryKiB = 64;
        passwords.iterations = 2;
        passwords.parallelism = 1;
        passwords.init();
        CredentialCache cache = new CredentialCache();
        cache.cacheSeconds = 60;
        cache.init();
        CredentialVerifier verifier = new CredentialVerifier();
        service.verifier = verifier;
        verifier.passwords = passwords;
        verifier.cache = cache;
        service.passwords = passwords;
        service.cache = cache;
        verifier.em = service.em = (EntityManager) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find") && args[0] == Account.class) {
                        return accounts.get((String) args[1]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        verifier.upgrade = new PasswordUpgrade() {
            @Override
            public void replaceHash(String username, String newHash) {
                upgradedTo.put(username, newHash);
            }
        };
    }

    private void account(String username, String password, PasswordHasher hasher) {
        accounts.put(
                username,
                new Account(username, hasher.hash(password.toCharArray()), Role.OPERATOR, null, Instant.now()));
    }

    @Test
    void rightPasswordAuthenticatesWrongOneAndUnknownUserDoNot() {
        account("ops", "right-password", new PasswordHasher(CryptoProvider.getDefault(), 64, 2, 1));

        assertEquals(
                Optional.of(new Caller("ops", Role.OPERATOR, null)),
                service.authenticate("ops", "right-password".toCharArray()));
        assertEquals(Optional.empty(), service.authenticate("ops", "wrong-password".toCharArray()));
        assertEquals(Optional.empty(), service.authenticate("nobody", "right-password".toCharArray()));
    }

    @Test
    void aHashOfAnotherCostIsReplacedAtTheConfiguredCostOnLogin() {
        account("old", "pw-of-old", new PasswordHasher(CryptoProvider.getDefault(), 32, 1, 1));
        account("current", "pw-of-current", new PasswordHasher(CryptoProvider.getDefault(), 64, 2, 1));

        service.authenticate("old", "pw-of-old".toCharArray());
        service.authenticate("current", "pw-of-current".toCharArray());

        String upgraded = upgradedTo.get("old");
        assertTrue(upgraded.startsWith("$argon2id$v=19$m=64,t=2,p=1$"), upgraded);
        assertTrue(service.verifier.passwords.verify("pw-of-old".toCharArray(), upgraded));
        assertNull(upgradedTo.get("current"), "a hash at the configured cost stays");
    }

    @Test
    void aCachedLoginStillRejectsAnotherPassword() {
        account("ops", "right-password", new PasswordHasher(CryptoProvider.getDefault(), 64, 2, 1));
        service.authenticate("ops", "right-password".toCharArray());
        accounts.clear(); // from now on only the cache can answer

        assertTrue(service.authenticate("ops", "right-password".toCharArray()).isPresent());
        assertEquals(Optional.empty(), service.authenticate("ops", "right-passworD".toCharArray()));
    }
}

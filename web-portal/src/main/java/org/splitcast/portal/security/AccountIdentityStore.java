package org.splitcast.portal.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.splitcast.registry.account.AccountService;

/** Checks usernames and passwords against the application's accounts; the role becomes the caller's group. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @EJB
    AccountService accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return accounts.authenticate(
                        credential.getCaller(), credential.getPassword().getValue())
                .map(caller -> new CredentialValidationResult(
                        caller.username(), Set.of(caller.role().roleName())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}

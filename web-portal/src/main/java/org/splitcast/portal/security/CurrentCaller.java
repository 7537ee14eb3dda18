package org.splitcast.portal.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.splitcast.account.AccountService;
import org.splitcast.account.Caller;
import org.splitcast.portal.api.problem.AccessDeniedException;

/**
 * The authenticated caller of this request and the ownership rules: operators and integrators
 * act on anyone's data, a subscriber only on their own.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityContext security;

    @EJB
    AccountService accounts;

    private Caller caller;

    /** The caller; their account is read once per request. */
    public Caller get() {
        if (caller == null) {
            Principal principal = security.getCallerPrincipal();
            if (principal == null) {
                throw new AccessDeniedException("No authenticated caller");
            }
            caller = accounts.caller(principal.getName())
                    .orElseThrow(() -> new AccessDeniedException("The account no longer exists"));
        }
        return caller;
    }

    /** Throws unless the caller may read or change subscriber {@code subscriberId}'s data. */
    public void requireAccessToSubscriber(String subscriberId) {
        if (!get().mayAccessSubscriber(subscriberId)) {
            throw new AccessDeniedException("A subscriber may only access their own data");
        }
    }
}

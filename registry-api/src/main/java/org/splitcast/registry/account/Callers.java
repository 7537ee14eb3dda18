package org.splitcast.registry.account;

import jakarta.ejb.Local;
import org.splitcast.error.AccessDeniedException;

/**
 * The authenticated caller of the current call, as the EJB container knows it (the identity the
 * web tier established, propagated into every service), and the ownership rule: operators and
 * integrators act on anyone's data, a subscriber only on their own. Every service applies the rule
 * through here, so REST, SOAP, the portal and the edge get it from one place.
 */
@Local
public interface Callers {

    /**
     * The caller.
     *
     * @throws AccessDeniedException if the call is not authenticated or the account no longer exists
     */
    Caller current() throws AccessDeniedException;

    /**
     * The caller, if they may read or change subscriber {@code subscriberId}'s data.
     *
     * @throws AccessDeniedException otherwise
     */
    Caller requireAccessToSubscriber(String subscriberId) throws AccessDeniedException;
}

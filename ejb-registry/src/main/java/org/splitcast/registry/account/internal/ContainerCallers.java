package org.splitcast.registry.account.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.security.Principal;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.registry.account.AccountService;
import org.splitcast.registry.account.Caller;
import org.splitcast.registry.account.Callers;
import org.splitcast.registry.account.Role;

/**
 * {@link Callers} from the EJB container's security context: the principal the web tier
 * authenticated, propagated into the call, mapped to its account (from the credential cache when
 * the login was verified recently, else from the database).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ContainerCallers implements Callers {

    /** The name of an unauthenticated call's principal in WildFly. */
    private static final String ANONYMOUS = "anonymous";

    /** The server itself, acting as the operator. */
    private static final Caller SYSTEM = new Caller("splitcast-system", Role.OPERATOR, null);

    @Resource
    SessionContext context;

    @EJB
    CredentialCache credentials;

    @EJB
    AccountService accounts;

    @Override
    public Caller current() throws AccessDeniedException {
        Principal principal = context.getCallerPrincipal();
        if (principal == null || ANONYMOUS.equals(principal.getName())) {
            // the server's own work running as the operator (@RunAs: the demo data at first start)
            if (context.isCallerInRole(Role.OPERATOR_ROLE)) {
                return SYSTEM;
            }
            throw new AccessDeniedException("No authenticated caller");
        }
        String name = principal.getName();
        return credentials
                .verifiedCaller(name)
                .or(() -> accounts.caller(name))
                .orElseThrow(() -> new AccessDeniedException("The account no longer exists"));
    }

    @Override
    public Caller requireAccessToSubscriber(String subscriberId) throws AccessDeniedException {
        Caller caller = current();
        if (!caller.mayAccessSubscriber(subscriberId)) {
            throw new AccessDeniedException("A subscriber may only access their own data");
        }
        return caller;
    }
}

package org.splitcast.registry.entitlement;

import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;

/** Granting, listing and revoking entitlements (the checks other modules make: {@link EntitlementDirectory}). */
@Local
public interface EntitlementService {

    EntitlementView grant(String subscriberId, @NotNull @Valid NewEntitlement entitlement)
            throws UnknownEntityException, InvalidRequestException;

    List<EntitlementView> listFor(String subscriberId) throws UnknownEntityException, AccessDeniedException;

    /** Revokes (deletes) one of a subscriber's entitlements. */
    void revoke(String subscriberId, String entitlementId) throws UnknownEntityException;
}

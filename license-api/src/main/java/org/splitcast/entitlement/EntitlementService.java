package org.splitcast.entitlement;

import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;

/** Granting, listing and revoking entitlements, and the check that license issuing makes. */
@Local
public interface EntitlementService {

    EntitlementView grant(String subscriberId, @NotNull @Valid NewEntitlement entitlement)
            throws UnknownEntityException, InvalidRequestException;

    List<EntitlementView> listFor(String subscriberId) throws UnknownEntityException;

    /** Revokes (deletes) one of a subscriber's entitlements. */
    void revoke(String subscriberId, String entitlementId) throws UnknownEntityException;

    /** Whether the subscriber may get the content at {@code at}, by a purchase or a package. */
    boolean isEntitled(String subscriberId, String contentId, Instant at);

    /**
     * The subscriber's entitlement to the content at {@code at}, all current entitlements taken
     * together: whether there is one, and until when the longest lasts.
     */
    EntitlementCheck check(String subscriberId, String contentId, Instant at);

    /**
     * @param entitled whether some entitlement covers the content at that time
     * @param validUntil when the last of them ends; null if one is open-ended (or none exists)
     */
    record EntitlementCheck(boolean entitled, Instant validUntil) {}
}

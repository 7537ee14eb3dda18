package org.splitcast.license;

import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;

/** Issues licenses (steps 130-150), over REST and SOAP alike. */
@Local
public interface LicenseIssuer {

    /**
     * A license for the request: step 130 checks that the terminal is active, the caller may use
     * it and its subscriber is entitled to the content; 141 looks for a precomputed access block;
     * 146 takes it, or 142 computes one; 144 finishes it with the grant.
     *
     * @throws LicenseRefusedException not entitled, terminal revoked, play limit reached, too many
     *     requests in flight
     * @throws AccessDeniedException a terminal of another subscriber
     */
    IssuedLicense issue(@NotNull @Valid LicenseRequest request)
            throws UnknownEntityException, LicenseRefusedException, InvalidRequestException, AccessDeniedException;
}

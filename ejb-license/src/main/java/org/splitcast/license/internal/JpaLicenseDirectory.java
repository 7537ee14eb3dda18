package org.splitcast.license.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.splitcast.license.LicenseDirectory;

/** {@link LicenseDirectory} on the {@code license_issue} table. */
@Stateless
@PermitAll
public class JpaLicenseDirectory implements LicenseDirectory {

    @PersistenceContext
    EntityManager em;

    @Override
    public Optional<ValidLicense> latestValid(String terminalId, String contentId, Instant at) {
        return em.createNamedQuery("LicenseIssue.findValid", LicenseIssue.class)
                .setParameter("terminalId", terminalId)
                .setParameter("contentId", contentId)
                .setParameter("at", at)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(i -> new ValidLicense(i.id(), i.keyId(), i.issuedAt(), i.expiresAt()));
    }
}

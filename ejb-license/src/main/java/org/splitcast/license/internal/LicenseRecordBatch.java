package org.splitcast.license.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** One transaction of the group commit: the rows of many license requests, committed together. */
@Stateless
@PermitAll
public class LicenseRecordBatch {

    @PersistenceContext
    EntityManager em;

    /** Inserts the rows (JDBC batches) and commits them when this method returns. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(List<LicenseIssue> rows) {
        for (LicenseIssue row : rows) {
            em.persist(row);
        }
    }
}

package org.splitcast.license.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The rows of a group commit, persisted in the writing request's transaction ({@link LicenseRecordWriter}). */
@Stateless
@PermitAll
public class LicenseRecordBatch {

    @PersistenceContext
    EntityManager em;

    /** Persists the rows in the caller's transaction, which commits them (JDBC batches). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void insert(List<LicenseIssue> rows) {
        for (LicenseIssue row : rows) {
            em.persist(row);
        }
    }
}

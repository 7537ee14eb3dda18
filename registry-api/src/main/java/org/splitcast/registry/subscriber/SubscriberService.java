package org.splitcast.registry.subscriber;

import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.splitcast.common.Page;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;

/** Subscribers and their accounts. */
@Local
public interface SubscriberService {

    SubscriberView create(@NotNull @Valid NewSubscriber subscriber)
            throws DuplicateEntityException, InvalidRequestException;

    SubscriberView get(String id) throws UnknownEntityException, AccessDeniedException;

    Page<SubscriberView> list(int offset, int limit);

    /** Deletes the subscriber with their account, terminals and entitlements. */
    void delete(String id) throws UnknownEntityException;
}

package org.splitcast.registry.account;

import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;

/** Accounts and authentication. */
@Local
public interface AccountService {

    /**
     * The caller whose credentials these are, or empty. Takes about the same time whether or not
     * the username exists.
     */
    Optional<Caller> authenticate(String username, char[] password);

    /**
     * The caller if exactly these credentials were verified recently (the credential cache: one
     * HMAC, no password hashing, no database read); empty otherwise, which says nothing about
     * whether they are right.
     */
    Optional<Caller> authenticateCached(String username, char[] password);

    /** The caller with this username (for authorization), or empty if the account is gone. */
    Optional<Caller> caller(String username);

    AccountView create(@NotNull @Valid NewAccount account) throws DuplicateEntityException;

    List<AccountView> list();

    /** Deletes a login; the last operator's cannot be (409): nobody could administer the server. */
    void delete(String username) throws UnknownEntityException, InvalidRequestException;

    /** Whether there is no account at all (a new database). */
    boolean noAccounts();
}

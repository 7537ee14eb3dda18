package org.splitcast.registry.account;

/**
 * An authenticated caller.
 *
 * @param username the login name
 * @param role the caller's role
 * @param subscriberId the subscriber this account belongs to, for {@link Role#SUBSCRIBER} only
 */
public record Caller(String username, Role role, String subscriberId) {

    /** Operators and integrators act on anyone's data. */
    public boolean isStaff() {
        return role == Role.OPERATOR || role == Role.INTEGRATOR;
    }

    /** Whether this caller may read or change the data of subscriber {@code id}. */
    public boolean mayAccessSubscriber(String id) {
        return isStaff() || (role == Role.SUBSCRIBER && subscriberId != null && subscriberId.equals(id));
    }
}

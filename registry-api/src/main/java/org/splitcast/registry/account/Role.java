package org.splitcast.registry.account;

/** The three roles of the API; {@link #roleName()} is the name used in {@code @RolesAllowed}. */
public enum Role {
    /** The enterprise running splitcast: everything. */
    OPERATOR,
    /** An external system (subscriber management, billing, CMS): subscribers, terminals, entitlements, licenses, events. */
    INTEGRATOR,
    /** A subscriber of the portal: only their own data. */
    SUBSCRIBER;

    public static final String OPERATOR_ROLE = "operator";
    public static final String INTEGRATOR_ROLE = "integrator";
    public static final String SUBSCRIBER_ROLE = "subscriber";

    public String roleName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

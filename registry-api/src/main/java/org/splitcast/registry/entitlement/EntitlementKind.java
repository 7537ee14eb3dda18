package org.splitcast.registry.entitlement;

/** What an entitlement grants. */
public enum EntitlementKind {
    /** One content, bought or rented. */
    PURCHASE,
    /** Every content of a package, as long as it is in the package. */
    PACKAGE
}

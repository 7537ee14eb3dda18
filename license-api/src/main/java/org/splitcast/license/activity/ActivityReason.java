package org.splitcast.license.activity;

/** Why a subscriber is on the active list (step 112). */
public enum ActivityReason {
    NEW_SUBSCRIBER,
    NEW_TERMINAL,
    ACCESS,
    /** Shown more of their recommendation list than the precompute covered for them. */
    LIST_SHOWN
}

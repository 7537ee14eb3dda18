package org.splitcast.license.activity;

/** Why a subscriber is on the active list (step 112). */
public enum ActivityReason {
    NEW_SUBSCRIBER,
    NEW_TERMINAL,
    ACCESS
}

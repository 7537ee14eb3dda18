package org.splitcast.license.precompute.internal;

/**
 * How many more access blocks step 126 may compute now: asked before each one. A budget may also
 * make the caller wait (to keep a pace) or refuse for good (spent, out of time, gate closed).
 */
public interface ItemBudget {

    /** No limit: the operator's explicit fill. */
    ItemBudget UNLIMITED = () -> true;

    /** May one more access block be computed? False means stop: the rest is left for later. */
    boolean tryTake();
}

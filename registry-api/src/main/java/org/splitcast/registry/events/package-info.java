/**
 * The registry's domain events. The registry fires them in the transaction that made the change;
 * other modules observe them {@code during = TransactionPhase.AFTER_SUCCESS}, so a change that
 * rolls back leaves no trace in their state (the recommendation model, the active list of step 112,
 * the precomputed access store, the multicast groups).
 */
package org.splitcast.registry.events;

/**
 * Who may call the API: operator, integrator and subscriber accounts, their Argon2id password
 * hashes, and the short-lived cache of verified credentials that keeps hashing off the hot path.
 */
package org.splitcast.registry.account.internal;

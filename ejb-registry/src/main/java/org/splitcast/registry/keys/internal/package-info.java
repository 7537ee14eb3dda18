/**
 * The key vault (docs/key-vault.md, docs/architecture.md §4): a master key (KEK) in a PKCS#12 keystore outside the database,
 * created on first start, under which every secret key that the database holds (terminal keys KT,
 * content keys Kc, later session and traffic keys) is sealed with AES-256-GCM, its owner's id as
 * associated data. The envelope format is in docs/key-vault.md.
 */
package org.splitcast.registry.keys.internal;

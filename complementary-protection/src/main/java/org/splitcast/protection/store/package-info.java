/**
 * The protected store (docs/protected-complementary-format.md §7): the sealed envelopes of one
 * content's complementary information in one file, with an index (chunk → file offset, length,
 * main-stream range, stream time) and a footer, written atomically at ingest ({@link
 * org.splitcast.protection.store.ProtectedStoreWriter}, a {@code ComplementarySink}), served
 * without any key ({@link org.splitcast.protection.store.ProtectedStore}), and re-sealed on
 * content-key rotation ({@link org.splitcast.protection.store.ProtectedStoreResealer}). Seed 000,
 * claim 4 (stored encrypted) and DESIGN flow C.
 */
package org.splitcast.protection.store;

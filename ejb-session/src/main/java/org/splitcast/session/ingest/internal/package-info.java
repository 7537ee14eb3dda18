/**
 * Ingest (seed 000, claims 1, 4 and 10; flow C): the upload is received into the media store's
 * staging area, then separated in the background on the application's own executor ({@code
 * splitcast-ingest}) with a selection secret of its own, the complementary information compressed
 * and sealed under the content key as it is cut, and both files published together with the
 * version that names them. A version is served only once READY; a restart fails the versions its
 * node left under way ({@link org.splitcast.session.ingest.internal.IngestRecovery}); a content key
 * rotation re-seals the served version under the new key ({@link
 * org.splitcast.session.ingest.internal.KeyRotationObserver}).
 */
package org.splitcast.session.ingest.internal;

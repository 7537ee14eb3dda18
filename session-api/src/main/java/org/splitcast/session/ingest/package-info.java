/**
 * The API of ingest (seed 000, claims 1 and 10, flow C): the operator uploads a content's transport
 * stream, or names a file the server can read; the server separates it in the background into the
 * public main stream and the complementary information, sealed under the content key. {@link
 * org.splitcast.session.ingest.IngestService} and its DTOs (implementation: ejb-session).
 */
package org.splitcast.session.ingest;

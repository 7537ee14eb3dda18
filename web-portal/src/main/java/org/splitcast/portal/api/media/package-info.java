/**
 * REST boundary of seed 000's ingest and on-demand delivery: the operator's upload and its progress
 * ({@code /api/contents/{id}/stream}, {@code /api/contents/{id}/ingest}), and a licensed terminal's
 * sealed complementary chunks ({@code /api/contents/{id}/complementary}). The services decide; these
 * only translate.
 */
package org.splitcast.portal.api.media;

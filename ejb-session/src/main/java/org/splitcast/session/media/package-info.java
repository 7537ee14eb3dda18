/**
 * The media store of seed 000's multimedia server (claim 10): where the main streams and the sealed
 * complementary information live, behind {@link org.splitcast.session.media.MediaStore}, an
 * interface shaped like an object store (write privately, publish atomically, read ranges). {@link
 * org.splitcast.session.media.FileMediaStore} keeps them under the data folder; docs/media-store.md
 * says what an S3-compatible implementation needs.
 */
package org.splitcast.session.media;

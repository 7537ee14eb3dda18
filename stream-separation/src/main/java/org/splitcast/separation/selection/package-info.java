/**
 * The choice of the extracted bytes (seed 000, claim 1: the separation): a keyed pseudo-random
 * function (AES-CTR under an HMAC-SHA256-derived key, JDK only), a budget that caps the extracted
 * share of the file, per-unit placement weighted to intra pictures and to the start of each slice,
 * and replacement bytes that keep start codes and sync words exactly as they were.
 */
package org.splitcast.separation.selection;

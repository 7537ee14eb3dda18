/**
 * The license server's interface (seed 003, steps 130-150): a terminal asks for a license for
 * one content, the server answers with the access block (precomputed or computed now) finished
 * by a per-request grant. The format is docs/license-format.md.
 */
package org.splitcast.license;

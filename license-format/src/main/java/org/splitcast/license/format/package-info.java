/**
 * The license format {@code splitcast-license/1} of docs/license-format.md, both sides: {@link
 * org.splitcast.license.format.AccessBlockComposer} computes the signed access block that wraps Kc
 * for one terminal (seed 003, step 142), {@link org.splitcast.license.format.GrantComposer}
 * finishes the license with the per-request grant (step 144), and {@link
 * org.splitcast.license.format.LicenseVerifier} is what the terminal does with it (step 160).
 */
package org.splitcast.license.format;

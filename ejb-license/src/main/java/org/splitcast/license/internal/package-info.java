/**
 * License issuing (seed 003, steps 130-150): {@link org.splitcast.license.internal.DefaultLicenseIssuer}
 * checks the request (130), looks up the precomputed access store (141), takes a hit (146) or
 * computes on a miss (142), finishes the license with the per-request grant (144) and returns it
 * (150); every license is recorded as a {@link org.splitcast.license.internal.LicenseIssue}.
 */
package org.splitcast.license.internal;

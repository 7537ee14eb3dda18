/**
 * Coverage-guided fuzz tests (Jazzer, {@code @FuzzTest}) of the separating and reconstruction
 * devices (seed 000, claims 1 and 10) on hostile input: the transport-stream parser and
 * separation, the complementary-information reader, and the rebuild against forged
 * complementary information. In {@code mvn verify} they replay their saved inputs ({@code
 * src/test/resources/org/splitcast/separation/fuzz/*Inputs/}) and then fuzz briefly; see
 * docs/fuzzing.md.
 */
package org.splitcast.separation.fuzz;

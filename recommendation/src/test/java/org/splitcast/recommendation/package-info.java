/**
 * Tests of the recommendation engine (seed 003, engine 50): quality on a seeded synthetic
 * population against a popularity baseline, cold starts, entitlements and limits, incremental
 * updates under concurrency, terminal weighting and determinism.
 */
package org.splitcast.recommendation;

package org.splitcast.license.activity;

/**
 * What a batch of events did.
 *
 * @param activated subscribers put on (or kept on) the active list
 * @param deactivated subscribers taken off it
 * @param accessesRecorded accesses added to the viewing history
 * @param accessBlocksDropped precomputed access blocks dropped for removed subscribers and terminals
 * @param waiting active users waiting after the batch
 */
public record ActivityReport(
        int activated, int deactivated, int accessesRecorded, int accessBlocksDropped, long waiting) {}

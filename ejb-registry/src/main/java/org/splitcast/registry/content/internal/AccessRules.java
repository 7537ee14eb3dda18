package org.splitcast.registry.content.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The default access rules that a license for a content carries (seed 003: the access data of
 * a license include rules describing the uses the terminal may make of the content).
 */
@Embeddable
public class AccessRules {

    /** How many licenses (plays) a subscriber may get within the window; null = unlimited. */
    @Column(name = "max_plays")
    private Integer maxPlays;

    /** How long, from the first license, the content may be played; null = no limit. */
    @Column(name = "rental_window_hours")
    private Integer rentalWindowHours;

    @Column(name = "recording_allowed", nullable = false)
    private boolean recordingAllowed;

    protected AccessRules() {}

    public AccessRules(Integer maxPlays, Integer rentalWindowHours, boolean recordingAllowed) {
        this.maxPlays = maxPlays;
        this.rentalWindowHours = rentalWindowHours;
        this.recordingAllowed = recordingAllowed;
    }

    public Integer maxPlays() {
        return maxPlays;
    }

    public Integer rentalWindowHours() {
        return rentalWindowHours;
    }

    public boolean recordingAllowed() {
        return recordingAllowed;
    }
}

package org.splitcast.registry.subscriber.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A subscriber's demographic segment. */
@Embeddable
public class Demographics {

    @Column(name = "age_band", nullable = false, length = 8)
    private String ageBand;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(nullable = false, length = 32)
    private String category;

    protected Demographics() {}

    public Demographics(String ageBand, String country, String category) {
        this.ageBand = ageBand;
        this.country = country;
        this.category = category;
    }

    public String ageBand() {
        return ageBand;
    }

    public String country() {
        return country;
    }

    public String category() {
        return category;
    }
}

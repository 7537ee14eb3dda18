package org.splitcast.recommendation;

/**
 * A subscriber's demographic segment, as the subscriber table holds it: age band (e.g. {@code
 * 25-34}), country (ISO 3166 alpha-2) and subscriber category. Any part may be {@code null} when
 * unknown; {@link #UNKNOWN} knows nothing and is served global popularity.
 *
 * <p>Popularity backs off from the segment to {@link #coarser()} (age band and country) and then to
 * the whole population when a segment has too few views.
 *
 * @param ageBand the age band, or {@code null}
 * @param country the country, or {@code null}
 * @param category the subscriber category, or {@code null}
 */
public record Segment(String ageBand, String country, String category) {

    /** Nothing known: global popularity. */
    public static final Segment UNKNOWN = new Segment(null, null, null);

    /** The next level of back-off: the same age band and country, any category. */
    public Segment coarser() {
        return new Segment(ageBand, country, null);
    }

    /** Whether nothing is known of this segment. */
    public boolean isUnknown() {
        return ageBand == null && country == null && category == null;
    }

    @Override
    public String toString() {
        return part(ageBand) + "/" + part(country) + "/" + part(category);
    }

    private static String part(String value) {
        return value == null ? "*" : value;
    }
}

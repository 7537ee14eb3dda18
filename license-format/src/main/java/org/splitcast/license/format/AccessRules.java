package org.splitcast.license.format;

/**
 * The access rules of docs §3.1.
 *
 * @param maxPlays licenses a subscriber may get for the content within the window; null: unlimited
 * @param windowHours the sliding rental window in hours; null: no window
 * @param recordingAllowed whether the terminal may record the content
 * @throws IllegalArgumentException for a negative number
 */
public record AccessRules(Integer maxPlays, Integer windowHours, boolean recordingAllowed) {

    public AccessRules {
        if (maxPlays != null && maxPlays < 0) {
            throw new IllegalArgumentException("maxPlays must not be negative");
        }
        if (windowHours != null && windowHours < 0) {
            throw new IllegalArgumentException("windowHours must not be negative");
        }
    }
}

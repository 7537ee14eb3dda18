package org.splitcast.license.format;

/** Checks on the ids (content, terminal, key, license) that go into a license. */
final class Ids {

    /** Generous bound on an id's length; ids are short slugs or UUIDs in practice. */
    static final int MAX_LENGTH = 512;

    private Ids() {}

    static String require(String id, String name) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(name + " is longer than " + MAX_LENGTH + " characters");
        }
        return id;
    }
}

package org.splitcast.protection.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an envelope is bound to besides its position: the purpose label of the key it is sealed
 * under, the content id and the key id (docs/protected-complementary-format.md §3). The context
 * goes into the key derivation and into the associated data, so an envelope sealed for one
 * context never opens in another.
 *
 * <ul>
 *   <li>On demand ({@link #onDemand}): label {@value #ON_DEMAND}, the content id, and the id of the
 *       content key Kc (a license's {@code keyId}).
 *   <li>Live multicast ({@link #live}, for the multicast path): label {@value #LIVE}, the content
 *       (channel) id, and the id of the traffic key TEK of the key period.
 * </ul>
 *
 * <p>Immutable.
 */
public final class EnvelopeContext {

    /** The label of envelopes sealed under a content key Kc, for storage and on-demand delivery. */
    public static final String ON_DEMAND = "on-demand";
    /** The label of envelopes sealed under a multicast traffic key TEK. */
    public static final String LIVE = "live";
    /** Largest UTF-8 size of a content id or key id. */
    public static final int MAX_ID_BYTES = 1024;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private final String label;
    private final String contentId;
    private final String keyId;
    private final byte[] encoded;

    private EnvelopeContext(String label, String contentId, String keyId) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException(
                    "an envelope label is 1 to 32 of [a-z0-9-], starting with a letter or digit");
        }
        this.label = label;
        this.contentId = requireId(contentId, "content id");
        this.keyId = requireId(keyId, "key id");
        byte[] l = label.getBytes(StandardCharsets.US_ASCII);
        byte[] c = contentId.getBytes(StandardCharsets.UTF_8);
        byte[] k = keyId.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[6 + l.length + c.length + k.length];
        int at = put(all, 0, l);
        at = put(all, at, c);
        put(all, at, k);
        this.encoded = all;
    }

    /** Envelopes under the content key Kc whose id is {@code keyId}. */
    public static EnvelopeContext onDemand(String contentId, String keyId) {
        return new EnvelopeContext(ON_DEMAND, contentId, keyId);
    }

    /** Envelopes of a live stream under the traffic key TEK whose id is {@code tekId}. */
    public static EnvelopeContext live(String contentId, String tekId) {
        return new EnvelopeContext(LIVE, contentId, tekId);
    }

    /** Any purpose label: 1 to 32 characters of {@code [a-z0-9-]}. */
    public static EnvelopeContext of(String label, String contentId, String keyId) {
        return new EnvelopeContext(label, contentId, keyId);
    }

    private static String requireId(String id, String name) {
        Objects.requireNonNull(id, name);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("the " + name + " is empty");
        }
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("the " + name + " is longer than " + MAX_ID_BYTES + " bytes");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw new IllegalArgumentException("the " + name + " has a control character");
            }
        }
        return id;
    }

    private static int put(byte[] into, int at, byte[] value) {
        into[at] = (byte) (value.length >>> 8);
        into[at + 1] = (byte) value.length;
        System.arraycopy(value, 0, into, at + 2, value.length);
        return at + 2 + value.length;
    }

    public String label() {
        return label;
    }

    public String contentId() {
        return contentId;
    }

    public String keyId() {
        return keyId;
    }

    /**
     * {@code lp(label) || lp(content id) || lp(key id)}, where {@code lp(x)} is the UTF-8 bytes of
     * x after their length as a big-endian u16: the context part of the key derivation's info
     * and of the associated data.
     */
    public byte[] encoded() {
        return encoded.clone();
    }

    byte[] encodedRef() {
        return encoded;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvelopeContext other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "EnvelopeContext[" + label + ", content=" + contentId + ", key=" + keyId + "]";
    }
}

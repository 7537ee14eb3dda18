package org.splitcast.protection.envelope;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** The compression codecs of the envelope payload (docs/protected-complementary-format.md §4). */
final class Codecs {

    private Codecs() {}

    /**
     * Raw Deflate (RFC 1951) of {@code plaintext}, or null when it would not be smaller than the
     * plaintext (the envelope then carries the plaintext itself).
     */
    static byte[] deflate(byte[] plaintext, int level) {
        Deflater deflater = new Deflater(level, true);
        try {
            deflater.setInput(plaintext);
            deflater.finish();
            byte[] out = new byte[Math.max(64, plaintext.length)];
            int n = 0;
            while (!deflater.finished()) {
                if (n == out.length) {
                    return null; // already as large as the plaintext: not worth it
                }
                n += deflater.deflate(out, n, out.length - n);
            }
            return n < plaintext.length ? Arrays.copyOf(out, n) : null;
        } finally {
            deflater.end();
        }
    }

    /**
     * Inflates a raw Deflate payload that must give exactly {@code length} bytes and end with the
     * payload: anything else is an error (bounded: never more than {@code length} bytes of output).
     */
    static byte[] inflate(byte[] in, int offset, int count, int length, String what) throws EnvelopeException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(in, offset, count);
            byte[] out = new byte[length];
            int n = 0;
            while (n < length) {
                int k = inflater.inflate(out, n, length - n);
                n += k;
                if (k == 0) {
                    break; // finished, needs input it will not get, or wants a dictionary: all errors here
                }
            }
            if (n < length) {
                throw corrupt(what + ": its payload inflates to fewer bytes than the " + length + " announced");
            }
            if (!inflater.finished()) {
                // exactly `length` bytes out so far: the stream must end here, with nothing more
                byte[] probe = new byte[1];
                if (inflater.inflate(probe) > 0) {
                    throw corrupt(what + ": its payload inflates to more than the " + length + " bytes announced");
                }
                if (!inflater.finished()) {
                    throw corrupt(what + ": its payload does not end its Deflate stream");
                }
            }
            if (inflater.getRemaining() > 0) {
                throw corrupt(what + ": " + inflater.getRemaining() + " bytes follow its Deflate stream");
            }
            return out;
        } catch (DataFormatException e) {
            throw corrupt(what + ": its payload is not a valid Deflate stream");
        } finally {
            inflater.end();
        }
    }

    private static EnvelopeException corrupt(String message) {
        return new EnvelopeException(EnvelopeException.Kind.MALFORMED, message);
    }
}

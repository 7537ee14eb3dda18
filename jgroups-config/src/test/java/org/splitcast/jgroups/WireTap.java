package org.splitcast.jgroups;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jgroups.Message;
import org.jgroups.stack.Protocol;

/**
 * A test protocol inserted into a stack that records the payload of every message passing down
 * through it, as the protocols below (and the network) get it.
 */
final class WireTap extends Protocol {

    private final List<byte[]> payloads = new CopyOnWriteArrayList<>();

    @Override
    public Object down(Message msg) {
        byte[] array = msg.hasArray() ? msg.getArray() : null;
        if (array != null) {
            payloads.add(Arrays.copyOfRange(array, msg.getOffset(), msg.getOffset() + msg.getLength()));
        }
        return down_prot.down(msg);
    }

    /** How many payloads went down so far. */
    int count() {
        return payloads.size();
    }

    /** Whether any payload that went down contains {@code text} (UTF-8) in clear. */
    boolean sawInClear(String text) {
        return payloads.stream().anyMatch(p -> Bytes.contains(p, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Byte search. */
    static final class Bytes {
        private Bytes() {}

        static boolean contains(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}

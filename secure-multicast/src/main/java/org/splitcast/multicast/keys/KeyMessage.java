package org.splitcast.multicast.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.splitcast.multicast.wire.MalformedMessageException;
import org.splitcast.multicast.wire.WireReader;
import org.splitcast.multicast.wire.WireWriter;

/**
 * A signed key message of a multicast group (docs/live.md §3): wrapped keys that let the group's
 * members follow the key tree and learn the traffic key (TEK) of the current key period, each
 * entry readable only by the members that hold the key it is wrapped under (claim 8: the TEK
 * reaches each member personalised by its own session key, through its leaf key).
 *
 * <p>A {@link Kind#REKEY} message goes to the whole group after a change; a {@link Kind#PATH}
 * message is personal: the whole path of one member's leaf, for a member that joins or has to
 * catch up. Both are signed by the central server's {@link LiveSigner}.
 */
public final class KeyMessage {

    static final byte[] MAGIC = "SCKM".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** Bounds a malformed count. */
    static final int MAX_ENTRIES = 1 << 20;

    /** What a key message is for. */
    public enum Kind {
        /** The keys refreshed by a membership change or a new key period, for the whole group. */
        REKEY(1),
        /** One member's path to the root and the current TEK. */
        PATH(2);

        final int code;

        Kind(int code) {
            this.code = code;
        }
    }

    private final Kind kind;
    private final String groupId;
    private final long serial;
    private final long issuedAtMillis;
    private final long tekPeriod;
    private final KeyRef leaf;
    private final List<WrappedKey> entries;
    private final String signerKeyId;
    private final byte[] encoded;
    private final int signedLength;

    private KeyMessage(
            Kind kind,
            String groupId,
            long serial,
            long issuedAtMillis,
            long tekPeriod,
            KeyRef leaf,
            List<WrappedKey> entries,
            String signerKeyId,
            byte[] encoded,
            int signedLength) {
        this.kind = kind;
        this.groupId = groupId;
        this.serial = serial;
        this.issuedAtMillis = issuedAtMillis;
        this.tekPeriod = tekPeriod;
        this.leaf = leaf;
        this.entries = List.copyOf(entries);
        this.signerKeyId = signerKeyId;
        this.encoded = encoded;
        this.signedLength = signedLength;
    }

    /** Builds and signs a message. {@code leaf} is set for {@link Kind#PATH} messages only. */
    public static KeyMessage create(
            Kind kind,
            String groupId,
            long serial,
            long issuedAtMillis,
            long tekPeriod,
            KeyRef leaf,
            List<WrappedKey> entries,
            LiveSigner signer) {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.PATH) != (leaf != null)) {
            throw new IllegalArgumentException("a PATH message names its member's leaf, a REKEY message none");
        }
        WireWriter w = new WireWriter(64 + entries.size() * 73);
        w.bytes(MAGIC).u8(VERSION).u8(kind.code).string(groupId);
        w.u64(serial).u64(issuedAtMillis).u64(tekPeriod);
        if (leaf == null) {
            w.u8(0);
        } else {
            w.u8(1).u64(leaf.id()).u64(leaf.version());
        }
        w.u32(entries.size());
        for (WrappedKey e : entries) {
            w.u8(e.target().kind().code).u64(e.target().id()).u64(e.target().version());
            w.u64(e.under().id()).u64(e.under().version());
            w.bytes(e.wrapped());
        }
        w.string(signer.keyId());
        int signedLength = w.size();
        byte[] unsigned = w.toByteArray();
        w.bytes(signer.sign(unsigned, 0, signedLength));
        return new KeyMessage(
                kind,
                groupId,
                serial,
                issuedAtMillis,
                tekPeriod,
                leaf,
                entries,
                signer.keyId(),
                w.toByteArray(),
                signedLength);
    }

    /**
     * Parses a message and checks its signature.
     *
     * @throws MalformedMessageException if it does not follow the format, is signed by another
     *     key or its signature is wrong
     */
    public static KeyMessage decode(byte[] bytes, LiveVerifier verifier) throws MalformedMessageException {
        WireReader r = new WireReader(bytes);
        byte[] magic = r.bytes(MAGIC.length, "magic");
        if (!Arrays.equals(magic, MAGIC)) {
            throw new MalformedMessageException("not a key message (magic)");
        }
        int version = r.u8("version");
        if (version != VERSION) {
            throw new MalformedMessageException("unsupported key message version " + version);
        }
        int kindCode = r.u8("kind");
        Kind kind =
                switch (kindCode) {
                    case 1 -> Kind.REKEY;
                    case 2 -> Kind.PATH;
                    default -> throw new MalformedMessageException("unknown key message kind " + kindCode);
                };
        String groupId = r.string("group id");
        long serial = r.u64("serial");
        long issuedAt = r.u64("issued at");
        long tekPeriod = r.u64("TEK period");
        int hasLeaf = r.u8("has leaf");
        KeyRef leaf = null;
        if (hasLeaf == 1) {
            leaf = KeyRef.node(r.u64("leaf id"), r.u64("leaf version"));
        } else if (hasLeaf != 0) {
            throw new MalformedMessageException("'has leaf' is neither 0 nor 1");
        }
        if ((kind == Kind.PATH) != (leaf != null)) {
            throw new MalformedMessageException("PATH messages, and only they, name a leaf");
        }
        long count = r.u32("entry count");
        if (count > MAX_ENTRIES || count * 73 > r.remaining()) {
            throw new MalformedMessageException("entry count " + count + " does not fit the message");
        }
        WrappedKey[] entries = new WrappedKey[(int) count];
        for (int i = 0; i < count; i++) {
            int targetKind = r.u8("entry target kind");
            KeyRef.Kind tk = KeyRef.Kind.of(targetKind);
            if (tk == null) {
                throw new MalformedMessageException("entry " + i + ": unknown target kind " + targetKind);
            }
            KeyRef target = new KeyRef(tk, r.u64("entry target id"), r.u64("entry target version"));
            KeyRef under = KeyRef.node(r.u64("entry wrapping id"), r.u64("entry wrapping version"));
            entries[i] = new WrappedKey(target, under, r.bytes(AesKeyWrap.WRAPPED_BYTES, "entry wrapped key"));
        }
        String signerKeyId = r.string("signer key id");
        int signedLength = r.position();
        byte[] signature = r.bytes(LiveSigner.SIGNATURE_BYTES, "signature");
        r.expectEnd("the signature");
        if (!signerKeyId.equals(verifier.keyId())) {
            throw new MalformedMessageException("signed by unknown key '" + signerKeyId + "'");
        }
        if (!verifier.verify(bytes, 0, signedLength, signature)) {
            throw new MalformedMessageException("bad signature");
        }
        return new KeyMessage(
                kind, groupId, serial, issuedAt, tekPeriod, leaf, List.of(entries), signerKeyId, bytes, signedLength);
    }

    public Kind kind() {
        return kind;
    }

    public String groupId() {
        return groupId;
    }

    /** The group's key state this message brings its reader to; increases with every change. */
    public long serial() {
        return serial;
    }

    public long issuedAtMillis() {
        return issuedAtMillis;
    }

    /** The key period current once this message is applied. */
    public long tekPeriod() {
        return tekPeriod;
    }

    /** The member's leaf of a PATH message, else null. */
    public KeyRef leaf() {
        return leaf;
    }

    public List<WrappedKey> entries() {
        return entries;
    }

    public String signerKeyId() {
        return signerKeyId;
    }

    /** The signed bytes (a copy). */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** Size of the encoded message. */
    public int size() {
        return encoded.length;
    }

    int signedLength() {
        return signedLength;
    }

    @Override
    public String toString() {
        return "KeyMessage[" + kind + " " + groupId + " #" + serial + ", TEK period " + tekPeriod + ", "
                + entries.size() + " entries, " + encoded.length + " bytes]";
    }
}

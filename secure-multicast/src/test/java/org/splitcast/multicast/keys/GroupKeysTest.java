package org.splitcast.multicast.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.multicast.wire.MalformedMessageException;

class GroupKeysTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    private static final LiveSigner SIGNER = LiveSigner.generate("live-1", CRYPTO);

    /** The central group plus every member's ring, with every message delivered to every ring. */
    private static final class Fixture {
        final GroupKeys group = new GroupKeys("channel-7", SIGNER, CRYPTO, Clock.systemUTC());
        final Map<String, KeyRing> rings = new LinkedHashMap<>();
        final List<KeyMessage> published = new ArrayList<>();

        KeyRing join(String member) throws Exception {
            byte[] sk = CRYPTO.randomBytes(32);
            KeyRef leaf = group.addMember(member, sk);
            KeyMessage rekey = group.rekey(false);
            deliver(rekey);
            KeyRing ring = new KeyRing("channel-7", member, leaf, sk, 2, CRYPTO);
            ring.apply(roundTrip(group.pathMessage(member)));
            rings.put(member, ring);
            return ring;
        }

        void deliver(KeyMessage message) throws Exception {
            if (message == null) {
                return;
            }
            published.add(message);
            KeyMessage received = roundTrip(message);
            for (KeyRing ring : rings.values()) {
                ring.apply(received);
            }
        }
    }

    private static KeyMessage roundTrip(KeyMessage m) throws MalformedMessageException {
        return KeyMessage.decode(m.encoded(), SIGNER.verifier());
    }

    @Test
    void everyMemberLearnsTheTrafficKeyOfEachPeriod() throws Exception {
        Fixture f = new Fixture();
        for (int i = 0; i < 37; i++) {
            f.join("m" + i);
        }
        f.deliver(f.group.rekey(true));
        TrafficKey tek = f.group.currentTrafficKey();
        for (Map.Entry<String, KeyRing> e : f.rings.entrySet()) {
            assertArrayEquals(tek.key(), e.getValue().trafficKey(tek.period()), e.getKey());
        }
    }

    @Test
    void aRemovedMemberLearnsNothingAfterTheRekeyWhileTheOthersFollow() throws Exception {
        Fixture f = new Fixture();
        for (int i = 0; i < 20; i++) {
            f.join("m" + i);
        }
        KeyRing gone = f.rings.remove("m7");
        long periodBefore = f.group.currentTrafficKey().period();
        f.group.removeMember("m7");
        KeyMessage rekey = f.group.rekey(true);
        f.deliver(rekey);
        // the departed member still receives the message (an edge relays it) and tries
        assertTrue(gone.apply(roundTrip(rekey)).isEmpty(), "the departed member learned a traffic key");
        f.deliver(f.group.rekey(true));
        TrafficKey tek = f.group.currentTrafficKey();
        assertNull(gone.trafficKey(tek.period()));
        assertNotNull(gone.trafficKey(periodBefore), "it still holds what it had (the key period it was in)");
        for (KeyRing ring : f.rings.values()) {
            assertArrayEquals(tek.key(), ring.trafficKey(tek.period()));
        }
    }

    @Test
    void aLeaveCostsAboutTwoWrapsPerLevelNotOnePerMember() throws Exception {
        GroupKeys group = new GroupKeys("big", SIGNER, CRYPTO, Clock.systemUTC());
        for (int i = 0; i < 10_000; i++) {
            group.addMember("m" + i, CRYPTO.randomBytes(32));
        }
        group.rekey(true);
        assertEquals(14, group.treeHeight());
        group.removeMember("m4321");
        KeyMessage rekey = group.rekey(true);
        // 14 refreshed nodes: the bottom one has one child left, the others two; + the TEK
        assertEquals(2 * 14 - 1 + 1, rekey.entries().size());
        assertTrue(rekey.size() < 3_000, "message of " + rekey.size() + " bytes");
    }

    @Test
    void theRingKeepsThePreviousTrafficKeyForChunksInFlight() throws Exception {
        Fixture f = new Fixture();
        KeyRing ring = f.join("a");
        f.join("b");
        long first = f.group.currentTrafficKey().period();
        f.deliver(f.group.rekey(true));
        long second = f.group.currentTrafficKey().period();
        assertNotNull(ring.trafficKey(first), "previous period dropped too early");
        assertNotNull(ring.trafficKey(second));
        f.deliver(f.group.rekey(true));
        assertNull(ring.trafficKey(first), "two periods back must be wiped with an overlap of 2");
    }

    @Test
    void aRenewedMemberFollowsAndItsOldSessionKeyDoesNot() throws Exception {
        Fixture f = new Fixture();
        for (int i = 0; i < 8; i++) {
            f.join("m" + i);
        }
        KeyRing renewed = f.rings.get("m3");
        // a copy of m3 as it was, holding the old SK only
        KeyRing stale = new KeyRing("channel-7", "m3", renewed.leaf(), new byte[32], 2, CRYPTO);
        byte[] newSk = CRYPTO.randomBytes(32);
        KeyRef newLeaf = f.group.renewMember("m3", newSk);
        renewed.renew(newLeaf, newSk);
        f.deliver(f.group.rekey(true));
        TrafficKey tek = f.group.currentTrafficKey();
        assertArrayEquals(tek.key(), renewed.trafficKey(tek.period()));
        assertTrue(
                stale.apply(roundTrip(f.published.get(f.published.size() - 1))).isEmpty());
    }

    /**
     * A member cut off from its edge while the others renew and periods pass renews itself (its
     * PATH brings the newest root), then gets the missed frames replayed: the older root versions
     * in them must still open the traffic keys of the periods it has yet to play.
     */
    @Test
    void aMemberThatRenewedWhileCutOffOpensTheReplayedPeriods() throws Exception {
        Fixture f = new Fixture();
        KeyRing away = f.join("away");
        for (int i = 0; i < 5; i++) {
            f.join("m" + i);
        }
        f.rings.remove("away"); // its edge is down: it misses what follows
        int missedFrom = f.published.size();
        List<TrafficKey> missedPeriods = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            f.group.renewMember("m" + i, CRYPTO.randomBytes(32)); // a new root each time
            f.deliver(f.group.rekey(false));
            f.deliver(f.group.rekey(true)); // a key period ends
            missedPeriods.add(f.group.currentTrafficKey());
        }
        byte[] sk = CRYPTO.randomBytes(32);
        away.renew(f.group.renewMember("away", sk), sk);
        f.deliver(f.group.rekey(false));
        away.apply(roundTrip(f.group.pathMessage("away"))); // the renewal's grant: the newest root
        for (KeyMessage m : f.published.subList(missedFrom, f.published.size())) {
            away.apply(roundTrip(m)); // the edge's replay, in order
            if (m.kind() == KeyMessage.Kind.REKEY) {
                for (TrafficKey tek : missedPeriods) {
                    if (tek.period() == m.tekPeriod()) {
                        assertArrayEquals(tek.key(), away.trafficKey(tek.period()), "period " + tek.period());
                    }
                }
            }
        }
    }

    @Test
    void aForgedOrAlteredKeyMessageIsRejectedAndChangesNothing() throws Exception {
        Fixture f = new Fixture();
        KeyRing ring = f.join("a");
        f.join("b");
        KeyMessage rekey = f.group.rekey(true);
        byte[] bytes = rekey.encoded();
        bytes[bytes.length - 70] ^= 1; // inside the last entry or the key id: signature breaks
        assertThrows(MalformedMessageException.class, () -> KeyMessage.decode(bytes, SIGNER.verifier()));
        LiveSigner other = LiveSigner.generate("live-1", CRYPTO);
        KeyMessage forged =
                KeyMessage.create(KeyMessage.Kind.REKEY, "channel-7", 99, 0, 99, null, rekey.entries(), other);
        MalformedMessageException e = assertThrows(
                MalformedMessageException.class, () -> KeyMessage.decode(forged.encoded(), SIGNER.verifier()));
        assertEquals("bad signature", e.getMessage());
        assertThrows(
                MalformedMessageException.class,
                () -> KeyMessage.decode(java.util.Arrays.copyOf(rekey.encoded(), 20), SIGNER.verifier()));

        // signed by the server but with a corrupted entry under a key the member holds
        List<WrappedKey> entries = new ArrayList<>(rekey.entries());
        WrappedKey last = entries.remove(entries.size() - 1);
        byte[] wrapped = last.wrapped();
        wrapped[5] ^= 0x40;
        entries.add(new WrappedKey(last.target(), last.under(), wrapped));
        KeyMessage corrupt = KeyMessage.create(KeyMessage.Kind.REKEY, "channel-7", 50, 0, 9, null, entries, SIGNER);
        long before = ring.newestPeriod();
        assertThrows(MalformedMessageException.class, () -> ring.apply(corrupt));
        assertEquals(before, ring.newestPeriod());
    }

    @Test
    void aPersonalKeyMessageOpensForItsMemberOnly() throws Exception {
        Fixture f = new Fixture();
        KeyRing a = f.join("a");
        f.join("b");
        KeyMessage pathOfB = roundTrip(f.group.pathMessage("b"));
        assertThrows(MalformedMessageException.class, () -> a.apply(pathOfB));
    }

    @Test
    void anEmptyGroupHasNoTrafficKeyAndARejoinStartsANewPeriod() throws Exception {
        Fixture f = new Fixture();
        f.join("a");
        long first = f.group.currentTrafficKey().period();
        f.group.removeMember("a");
        f.rings.clear();
        assertNull(f.group.rekey(true));
        assertNull(f.group.currentTrafficKey());
        f.join("b");
        assertTrue(f.group.currentTrafficKey().period() > first);
    }
}

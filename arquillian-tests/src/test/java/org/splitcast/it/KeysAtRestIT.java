package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.get;
import static org.splitcast.it.support.Api.post;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.Deployments;
import org.splitcast.it.support.Media;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.auth.Challenge;
import org.splitcast.multicast.auth.SessionProof;
import org.splitcast.multicast.session.SessionGrant;
import org.splitcast.multicast.terminal.HttpCentralClient;

/**
 * No secret key in clear at rest: the test registers terminals and contents through the API, then
 * reads every column of every table over plain JDBC (a probe deployed beside the EAR) and the
 * server log, and searches them for each key — as raw bytes, base64 and hex. To know the content
 * keys Kc, which the server never shows, it opens their envelopes itself with the master key, with
 * plain JDK crypto and the format of docs/key-vault.md; that the symmetric terminal keys it finds
 * this way equal those the API returned proves the search looks at the right bytes. A live session
 * adds its SK (which the terminal unwraps from its grant) and the live signing key.
 */
@ArquillianTest
@RunAsClient
class KeysAtRestIT {

    @Deployment(name = "splitcast", order = 1, testable = false)
    static EnterpriseArchive splitcast() {
        return Deployments.splitcast();
    }

    @Deployment(name = "probe", order = 2, testable = false)
    static WebArchive probe() {
        return Deployments.rawTablesProbe();
    }

    @Test
    void noTerminalContentKeyOrSelectionSecretIsInClearInTheDatabaseOrTheLog() throws Exception {
        String subscriber = Api.unique("vault");
        Api.newSubscriber(subscriber);
        Map<String, byte[]> terminalKeys = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String id = Api.unique("kt");
            String key = post(
                            Credentials.OPERATOR,
                            "/api/subscribers/" + subscriber + "/terminals",
                            """
                            {"id": "%s", "label": "TV %d", "keyType": "AES_256"}"""
                                    .formatted(id, i))
                    .expect(201)
                    .json()
                    .getString("provisioningKey");
            terminalKeys.put(id, Base64.getDecoder().decode(key));
        }
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            contents.add(post(
                            Credentials.OPERATOR,
                            "/api/contents",
                            """
                            {"title": "Secret %d", "genre": "drama", "durationSeconds": 60}"""
                                    .formatted(i))
                    .expect(201)
                    .json()
                    .getString("id"));
        }

        // an ingest: its selection secret (which chose the bytes taken out) is kept, wrapped
        String ingested = contents.get(0);
        String version = Media.ingest(ingested, Media.clip(4)).getString("versionId");

        // a live session on that content: SK reaches the terminal wrapped for its key only
        String terminal = terminalKeys.keySet().iterator().next();
        byte[] sk = liveSessionKey(subscriber, ingested, terminal, terminalKeys.get(terminal));

        JsonObject tables =
                get(Credentials.NONE, "/raw-tables-probe/tables").expect(200).json();
        SecretKey master = masterKey();

        // the envelopes open to the keys the API returned: we are looking at the right columns
        for (JsonObject row : rows(tables, "terminal")) {
            String id = row.getString("id");
            if (terminalKeys.containsKey(id)) {
                byte[] kt = open(master, bytes(row, "wrapped_key"), "terminal/" + id);
                assertArrayEquals(terminalKeys.get(id), kt, "terminal " + id);
            }
        }
        List<byte[]> secrets = new ArrayList<>(terminalKeys.values());
        int contentKeys = 0;
        for (JsonObject row : rows(tables, "content_key")) {
            String contentId = row.getString("content_id");
            if (contents.contains(contentId)) {
                byte[] kc = open(
                        master, bytes(row, "wrapped_key"), "content/" + contentId + "/key/" + row.getString("key_id"));
                assertEquals(32, kc.length);
                secrets.add(kc);
                contentKeys++;
            }
        }
        assertEquals(3, contentKeys, "one content key per new content");
        int selectionSecrets = 0;
        for (JsonObject row : rows(tables, "media_version")) {
            if (row.getString("id").equals(version)) {
                byte[] secret =
                        open(master, bytes(row, "wrapped_selection_secret"), "selection/" + ingested + "/" + version);
                assertEquals(32, secret.length);
                secrets.add(secret);
                selectionSecrets++;
            }
        }
        assertEquals(1, selectionSecrets, "the ingest's selection secret, wrapped");
        int sessionKeys = 0;
        for (JsonObject row : rows(tables, "live_session")) {
            if (row.getString("terminal_id").equals(terminal)) {
                byte[] stored = open(master, bytes(row, "wrapped_sk"), "live-session/" + row.getString("session_id"));
                assertArrayEquals(sk, stored, "the live session's SK, wrapped under the master key");
                sessionKeys++;
            }
        }
        assertEquals(1, sessionKeys, "one live session");
        secrets.add(sk);
        for (JsonObject row : rows(tables, "live_signing_key")) {
            byte[] pkcs8 = open(master, bytes(row, "wrapped_private_key"), "live-signing/" + row.getString("key_id"));
            assertTrue(pkcs8.length > 60, "the live signing key (PKCS#8), wrapped");
            secrets.add(pkcs8);
        }
        secrets.add(master.getEncoded());

        String log = Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
        for (byte[] secret : secrets) {
            for (Map.Entry<String, JsonValue> table : tables.entrySet()) {
                for (JsonObject row : table.getValue().asJsonArray().getValuesAs(JsonObject.class)) {
                    assertAbsent(secret, row, table.getKey());
                }
            }
            for (String form : textForms(secret)) {
                assertFalse(log.contains(form), "a key in the server log");
            }
        }
    }

    /**
     * Opens a live session for the terminal on a live channel of the content (the subscriber
     * entitled to it first); returns SK as the terminal unwraps it, after checking that the
     * response carries it only wrapped.
     */
    private static byte[] liveSessionKey(String subscriber, String contentId, String terminal, byte[] kt)
            throws Exception {
        post(
                        Credentials.INTEGRATOR,
                        "/api/subscribers/" + subscriber + "/entitlements",
                        """
                        {"contentId": "%s"}""".formatted(contentId))
                .expect(201);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (get(Credentials.NONE, "/api/live/verification-key").status() != 200) {
            assertTrue(System.nanoTime() < deadline, "the live publisher starts");
            Thread.sleep(250);
        }
        Api.put(
                        Credentials.OPERATOR,
                        "/api/live/groups/" + Api.unique("vault-live"),
                        """
                        {"contentId": "%s"}""".formatted(contentId))
                .expect(200);
        HttpCentralClient central = new HttpCentralClient(URI.create(Api.BASE), Duration.ofSeconds(15));
        TerminalSecret secret = new TerminalSecret.Symmetric(kt.clone());
        Challenge c = central.challenge(terminal);
        String proof = new SessionProof(CryptoProvider.getDefault()).prove(c, contentId, secret);
        Api.Reply reply = post(
                Credentials.NONE,
                "/api/sessions",
                """
                {"terminalId": "%s", "contentId": "%s", "challengeId": "%s", "proof": "%s"}"""
                        .formatted(terminal, contentId, c.challengeId(), proof));
        assertEquals(201, reply.status(), reply.body());
        byte[] sk = SessionGrant.fromJson(reply.body()).openSessionKey(secret, CryptoProvider.getDefault());
        assertEquals(32, sk.length);
        for (String form : textForms(sk)) {
            assertFalse(reply.body().contains(form), "SK in clear in the session grant");
        }
        return sk;
    }

    /** The master key, read from the test server's keystore as an operator could. */
    private static SecretKey masterKey() throws Exception {
        Path keystore = Path.of(System.getProperty("it.data.dir"), "keystore", "master.p12");
        char[] password = Files.readString(keystore.resolveSibling("master.p12.password"))
                .strip()
                .toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        return (SecretKey) store.getKey("splitcast-master-1", password);
    }

    /** Opens a key-vault envelope as docs/key-vault.md describes it, with the JDK alone. */
    private static byte[] open(SecretKey master, byte[] envelope, String owner) throws Exception {
        assertEquals(1, envelope[0], "envelope format 1");
        byte[] header = Arrays.copyOfRange(envelope, 0, 3);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(128, envelope, 3, 12));
        byte[] ownerBytes = owner.getBytes(StandardCharsets.UTF_8);
        gcm.updateAAD(ByteBuffer.allocate(3 + ownerBytes.length)
                .put(header)
                .put(ownerBytes)
                .array());
        return gcm.doFinal(envelope, 15, envelope.length - 15);
    }

    private static void assertAbsent(byte[] secret, JsonObject row, String table) {
        for (Map.Entry<String, JsonValue> column : row.entrySet()) {
            String where = table + "." + column.getKey();
            if (column.getValue() instanceof JsonObject binary) {
                byte[] value = Base64.getDecoder().decode(binary.getString("bytes"));
                assertFalse(contains(value, secret), "key bytes in clear in " + where);
            } else if (column.getValue().getValueType() == JsonValue.ValueType.STRING) {
                String value = row.getString(column.getKey());
                for (String form : textForms(secret)) {
                    assertFalse(value.contains(form), "key text in clear in " + where);
                }
            }
        }
    }

    private static List<String> textForms(byte[] secret) {
        return List.of(
                Base64.getEncoder().encodeToString(secret),
                Base64.getEncoder().withoutPadding().encodeToString(secret),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                HexFormat.of().formatHex(secret),
                HexFormat.of().withUpperCase().formatHex(secret));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonObject> rows(JsonObject tables, String table) {
        assertTrue(tables.containsKey(table), "table " + table + " in " + tables.keySet());
        return tables.getJsonArray(table).getValuesAs(JsonObject.class);
    }

    private static byte[] bytes(JsonObject row, String column) {
        return Base64.getDecoder().decode(row.getJsonObject(column).getString("bytes"));
    }
}

package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.put;

import jakarta.json.JsonObject;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Media;
import org.splitcast.it.support.Precompute;

/**
 * A server restart in the middle of an ingest (a reload of the server: every service, the executor
 * and the application stop and start again) leaves the content not ready (nothing served, no file
 * of the interrupted version left) and ingestible again.
 */
class IngestRestartIT extends DeployedEar {

    @ArquillianResource
    ManagementClient management;

    @Test
    void aRestartDuringAnIngestLeavesTheContentNotReadyAndIngestibleAgain() throws Exception {
        String content = Licensing.content(null);
        // a stream long enough to be caught in its separation: copies of a clip, back to back,
        // placed in the import folder and ingested in place
        Path clip = Media.clip(12);
        Path importDir = Files.createDirectories(Path.of(System.getProperty("it.data.dir"), "import"));
        Path big = importDir.resolve(content + ".ts");
        byte[] once = Files.readAllBytes(clip);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (long written = 0; written < 400L << 20; written += once.length) {
                out.write(once);
            }
        }
        put(
                        Credentials.OPERATOR,
                        "/api/contents/" + content + "/stream",
                        """
                {"path": "%s"}""".formatted(big.getFileName()))
                .expect(202);
        String[] version = {null};
        Precompute.await(Duration.ofMinutes(2), () -> "the separation of " + content + " to start", () -> {
            JsonObject v = Api.get(Credentials.OPERATOR, "/api/contents/" + content + "/ingest")
                    .expect(200)
                    .json();
            version[0] = v.getString("versionId");
            return v.getString("state").equals("SEPARATING")
                    && v.getJsonNumber("bytesDone").longValue() > 0;
        });

        reloadServer();
        JsonObject[] last = {null};
        Precompute.await(Duration.ofMinutes(3), () -> "the server back, the ingest stopped: " + last[0], () -> {
            try {
                Api.Reply reply = Api.get(Credentials.OPERATOR, "/api/contents/" + content + "/ingest");
                last[0] = reply.status() == 200 ? reply.json() : null;
            } catch (RuntimeException restarting) {
                last[0] = null; // the server is not answering yet
            }
            return last[0] != null && !last[0].getString("state").equals("SEPARATING");
        });
        JsonObject after = last[0];
        assertEquals(version[0], after.getString("versionId"));
        assertEquals("FAILED", after.getString("state"), after.toString());
        assertFalse(after.getBoolean("published"));
        assertEquals(404, Media.getBytes("/media/" + content + "/main.ts").statusCode(), "nothing is served");
        Path versionDir = Path.of(System.getProperty("it.data.dir"), "media", "objects", "versions", version[0]);
        assertFalse(Files.exists(versionDir), "no file of the interrupted version: " + versionDir);

        JsonObject again = Media.ingest(content, clip);
        assertTrue(again.getBoolean("published"), again.toString());
        Files.delete(big);
    }

    /** {@code :reload}: every service of the server stops and starts again, the application with them. */
    private void reloadServer() throws Exception {
        ModelNode reload = new ModelNode();
        reload.get("operation").set("reload");
        reload.get("address").setEmptyList();
        ModelNode outcome = management.getControllerClient().execute(reload);
        assertEquals("success", outcome.get("outcome").asString(), outcome.toString());
    }
}

package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.get;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Licensing.Subscriber;
import org.splitcast.it.support.Licensing.SymmetricTerminal;
import org.splitcast.it.support.Precompute;
import org.splitcast.license.format.Nonces;

/** {@code GET /api/subscribers/{id}/recommendations} (step 102): who may read it, and what it lists. */
class RecommendationsIT extends DeployedEar {

    @Test
    void listsOnlyEntitledContentsNotYetWatched() {
        Subscriber viewer = Subscriber.create("rec");
        String bought = Licensing.content(null);
        String watched = Licensing.content(null);
        String notBought = Licensing.content(null);
        Licensing.entitle(viewer.id(), bought);
        Licensing.entitle(viewer.id(), watched);
        SymmetricTerminal tv = Licensing.symmetricTerminal(viewer.id());
        Api.post(
                        viewer.credentials(),
                        "/api/licenses",
                        Licensing.requestBody(watched, tv.id(), Nonces.generate(CryptoProvider.getDefault())))
                .expect(200);
        Precompute.rebuildModel();

        JsonObject list = get(viewer.credentials(), "/api/subscribers/" + viewer.id() + "/recommendations?limit=10")
                .expect(200)
                .json();

        List<JsonObject> items = list.getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, items.size(), list.toString());
        assertEquals(bought, items.get(0).getString("contentId"));
        assertEquals("Film " + bought, items.get(0).getString("title"));
        assertTrue(items.get(0).containsKey("score") && items.get(0).containsKey("reason"));
        assertTrue(list.containsKey("modelBuiltAt"));
        assertEquals(
                List.of(bought),
                Precompute.recommended(Credentials.INTEGRATOR, viewer.id(), 10),
                "staff read the same list; " + notBought + " is not bought, " + watched + " was watched");
        get(viewer.credentials(), "/api/subscribers/" + viewer.id() + "/recommendations?terminalId=" + tv.id())
                .expect(200);
    }

    @Test
    void refusesOthersBadLimitsAndUnknownIds() {
        Subscriber one = Subscriber.create("rec");
        Subscriber other = Subscriber.create("rec");
        SymmetricTerminal othersTv = Licensing.symmetricTerminal(other.id());

        get(one.credentials(), "/api/subscribers/" + other.id() + "/recommendations")
                .expectProblem(403, "forbidden");
        get(one.credentials(), "/api/subscribers/" + one.id() + "/recommendations?limit=0")
                .expectProblem(400, "validation");
        get(one.credentials(), "/api/subscribers/" + one.id() + "/recommendations?limit=101")
                .expectProblem(400, "validation");
        get(Credentials.OPERATOR, "/api/subscribers/nobody-here/recommendations")
                .expectProblem(404, "not-found");
        get(one.credentials(), "/api/subscribers/" + one.id() + "/recommendations?terminalId=" + othersTv.id())
                .expectProblem(404, "not-found");
        Api.post(one.credentials(), "/api/recommendations/model", null).expectProblem(403, "forbidden");
    }
}

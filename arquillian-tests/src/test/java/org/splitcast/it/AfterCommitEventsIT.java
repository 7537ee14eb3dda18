package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.get;
import static org.splitcast.it.support.Api.post;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.Deployments;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Licensing.Subscriber;
import org.splitcast.it.support.Licensing.SymmetricTerminal;
import org.splitcast.it.support.Precompute;
import org.splitcast.license.format.Nonces;

/**
 * The registry's and the license server's domain events reach their observers only once the change
 * has committed: a license, a registration, a revocation or a key rotation whose transaction rolls
 * back leaves no trace in the recommendation model, the active list or the precomputed store. Each
 * case rolls the change back first (through the probe module added to the EAR), checks that nothing
 * moved, then makes the same change for real and checks that the observer did move: so a missing
 * observer fails the test as surely as an observer that runs too early.
 */
@ArquillianTest
@RunAsClient
class AfterCommitEventsIT {

    @Deployment(testable = false)
    static EnterpriseArchive splitcast() {
        return Deployments.splitcastWithRollbackProbe();
    }

    @Test
    void aRolledBackLicenseIsNotAViewInTheRecommendationModel() {
        Subscriber dana = Subscriber.create("dana");
        SymmetricTerminal tv = Licensing.symmetricTerminal(dana.id());
        String first = Licensing.content(null);
        String second = Licensing.content(null);
        Licensing.entitle(dana.id(), first);
        Licensing.entitle(dana.id(), second);
        Precompute.rebuildModel();
        assertTrue(
                recommended(dana).contains(first), "a watchable content is recommended before: " + recommended(dana));

        String probe = rollBack("op=license&terminal=" + tv.id() + "&content=" + first);
        assertTrue(probe.startsWith("issued lic-"), "the license was issued, then rolled back: " + probe);
        assertTrue(recommended(dana).contains(first), "a rolled-back license is no view: " + recommended(dana));

        post(dana.credentials(), "/api/licenses", Licensing.requestBody(first, tv.id(), nonce()))
                .expect(200);
        Precompute.await(
                Duration.ofSeconds(10),
                () -> "a committed license is a view, and watched contents leave the list: " + recommended(dana),
                () -> !recommended(dana).contains(first));
        assertTrue(recommended(dana).contains(second), "the other content stays: " + recommended(dana));
    }

    @Test
    void aRolledBackRegistrationPutsNobodyOnTheActiveList() {
        Subscriber erin = Subscriber.create("erin");
        JsonObject joined = activeEntry(erin.id());
        assertEquals("NEW_SUBSCRIBER", joined.getString("reason"), joined.toString());

        String terminal = Api.unique("ghost");
        assertTrue(rollBack("op=register&subscriber=" + erin.id() + "&terminal=" + terminal)
                .startsWith("registered " + terminal));
        get(Credentials.OPERATOR, "/api/terminals/" + terminal).expectProblem(404, "not-found");
        assertEquals(joined, activeEntry(erin.id()), "the rolled-back registration left the list as it was");

        SymmetricTerminal real = Licensing.symmetricTerminal(erin.id());
        JsonObject touched = activeEntry(erin.id());
        assertFalse(
                touched.getString("lastEventAt").equals(joined.getString("lastEventAt")),
                "a committed registration is a new event on the list, after " + real.id() + ": " + touched);
    }

    @Test
    void aRolledBackRevocationKeepsTheTerminalsPrecomputedBlocks() {
        Subscriber finn = Subscriber.create("finn");
        SymmetricTerminal tv = Licensing.symmetricTerminal(finn.id());
        String content = Licensing.content(null);
        Licensing.entitle(finn.id(), content);
        Licensing.precompute(finn.id(), content);
        assertEquals(1, Licensing.storedFor(tv.id()));

        assertTrue(rollBack("op=revoke&subscriber=" + finn.id() + "&terminal=" + tv.id())
                .startsWith("revoked "));
        assertEquals(1, Licensing.storedFor(tv.id()), "a rolled-back revocation drops nothing");
        assertEquals(
                "ACTIVE",
                get(Credentials.OPERATOR, "/api/terminals/" + tv.id())
                        .expect(200)
                        .json()
                        .getString("status"));

        post(Credentials.INTEGRATOR, "/api/subscribers/" + finn.id() + "/terminals/" + tv.id() + "/revoke", null)
                .expect(200);
        Precompute.await(
                Duration.ofSeconds(10),
                () -> "a committed revocation drops the terminal's blocks: " + Licensing.storedFor(tv.id()),
                () -> Licensing.storedFor(tv.id()) == 0);
    }

    @Test
    void aRolledBackKeyRotationKeepsTheContentsPrecomputedBlocks() {
        Subscriber gail = Subscriber.create("gail");
        SymmetricTerminal tv = Licensing.symmetricTerminal(gail.id());
        String content = Licensing.content(null);
        Licensing.entitle(gail.id(), content);
        Licensing.precompute(gail.id(), content);
        assertEquals(1, Licensing.storedFor(tv.id()));
        String key = get(Credentials.OPERATOR, "/api/contents/" + content)
                .expect(200)
                .json()
                .getString("currentKeyId");

        assertTrue(rollBack("op=rotate&content=" + content).startsWith("rotated to "));
        assertEquals(1, Licensing.storedFor(tv.id()), "a rolled-back rotation drops nothing");
        assertEquals(
                key,
                get(Credentials.OPERATOR, "/api/contents/" + content)
                        .expect(200)
                        .json()
                        .getString("currentKeyId"));

        post(Credentials.OPERATOR, "/api/contents/" + content + "/keys", null).expect(200);
        Precompute.await(
                Duration.ofSeconds(10),
                () -> "a committed rotation drops the old key's blocks: " + Licensing.storedFor(tv.id()),
                () -> Licensing.storedFor(tv.id()) == 0);
    }

    /** Runs one probe operation in a transaction that is rolled back; returns what the call returned. */
    private static String rollBack(String query) {
        Api.Reply reply = get(Credentials.NONE, Api.BASE + "/rollback-probe/?" + query);
        assertEquals(200, reply.status(), () -> "the probe's call failed: " + reply.body());
        return reply.body();
    }

    private static List<String> recommended(Subscriber subscriber) {
        return Precompute.recommended(Credentials.OPERATOR, subscriber.id(), 100);
    }

    private static JsonObject activeEntry(String subscriberId) {
        return get(Credentials.OPERATOR, "/api/precompute/active-users?limit=1000")
                .expect(200)
                .array()
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(o -> o.getString("subscriberId").equals(subscriberId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(subscriberId + " is not on the active list"));
    }

    private static String nonce() {
        return Nonces.generate(CryptoProvider.getDefault());
    }
}

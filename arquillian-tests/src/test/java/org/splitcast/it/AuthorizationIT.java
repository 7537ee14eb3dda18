package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.Deployments;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Licensing.Subscriber;
import org.splitcast.it.support.Licensing.SymmetricTerminal;
import org.splitcast.it.support.ObservedCalls;
import org.splitcast.it.support.ProbeAsAuthentication;
import org.splitcast.it.support.Soap;
import org.splitcast.license.format.Nonces;

/**
 * Who may do what, operation by operation: each is called over REST, and over SOAP where it exists,
 * as each role (operator, integrator, the subscriber whose data it is, another subscriber, nobody),
 * and must answer the same on both: its success status, 403 forbidden or 401 unauthenticated. The
 * SOAP endpoint checks nothing but authentication, so an equal answer there shows that the rule
 * (@RolesAllowed and the ownership rule) lives in the services, where every boundary gets it; a
 * probe boundary that checks nothing at all gets the same refusals from the services alone.
 */
@ArquillianTest
@RunAsClient
class AuthorizationIT {

    /** The EAR, and a boundary of its own that checks nothing (UnguardedProbeServlet). */
    @Deployment(testable = false)
    static EnterpriseArchive splitcast() {
        return Deployments.splitcastWithUnguardedProbe();
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();

    /** The callers: OWNER is the subscriber whose data the operation touches, STRANGER another one. */
    enum Who {
        OPERATOR,
        INTEGRATOR,
        OWNER,
        STRANGER,
        ANONYMOUS
    }

    private static final Set<Who> STAFF = EnumSet.of(Who.OPERATOR, Who.INTEGRATOR);
    private static final Set<Who> STAFF_AND_OWNER = EnumSet.of(Who.OPERATOR, Who.INTEGRATOR, Who.OWNER);
    private static final Set<Who> ANY_ROLE = EnumSet.of(Who.OPERATOR, Who.INTEGRATOR, Who.OWNER, Who.STRANGER);
    private static final Set<Who> OPERATOR_ONLY = EnumSet.of(Who.OPERATOR);

    private static Subscriber owner;
    private static Subscriber stranger;
    private static SymmetricTerminal tv;
    private static String bought;

    /** One operation: who may call it, what it answers them, and how to call it over each boundary. */
    record Operation(
            String name,
            Set<Who> allowed,
            int success,
            Function<Credentials, Integer> rest,
            Function<Credentials, Integer> soap) {}

    @BeforeAll
    static void data() {
        owner = Subscriber.create("own");
        stranger = Subscriber.create("str");
        bought = Licensing.content(null);
        Licensing.entitle(owner.id(), bought);
        tv = Licensing.symmetricTerminal(owner.id());
    }

    @Test
    void everyOperationAnswersEachRoleTheSameOverRestAndSoap() {
        String mine = "/api/subscribers/" + owner.id();
        List<Operation> operations = List.of(
                rest("GET /api/me", ANY_ROLE, 200, c -> Api.get(c, "/api/me")),
                rest("GET /api/subscribers", STAFF, 200, c -> Api.get(c, "/api/subscribers")),
                rest("GET /api/subscribers/{id}", STAFF_AND_OWNER, 200, c -> Api.get(c, mine)),
                rest("GET /api/subscribers/{id}/terminals", STAFF_AND_OWNER, 200, c -> Api.get(c, mine + "/terminals")),
                rest(
                        "GET /api/subscribers/{id}/terminals/{terminalId}",
                        STAFF_AND_OWNER,
                        200,
                        c -> Api.get(c, mine + "/terminals/" + tv.id())),
                rest(
                        "GET /api/terminals/{terminalId}",
                        STAFF_AND_OWNER,
                        200,
                        c -> Api.get(c, "/api/terminals/" + tv.id())),
                rest(
                        "POST /api/subscribers/{id}/terminals",
                        STAFF_AND_OWNER,
                        201,
                        c -> Api.post(
                                c,
                                mine + "/terminals",
                                """
                                {"label": "Tablet", "keyType": "AES_256"}""")),
                rest(
                        "POST /api/subscribers/{id}/terminals/{terminalId}/revoke",
                        STAFF_AND_OWNER,
                        200,
                        c -> Api.post(
                                c,
                                mine + "/terminals/"
                                        + Licensing.symmetricTerminal(owner.id())
                                                .id() + "/revoke",
                                "")),
                rest(
                        "DELETE /api/subscribers/{id}/terminals/{terminalId}",
                        STAFF_AND_OWNER,
                        204,
                        c -> Api.delete(
                                c,
                                mine + "/terminals/"
                                        + Licensing.symmetricTerminal(owner.id())
                                                .id())),
                rest(
                        "GET /api/subscribers/{id}/entitlements",
                        STAFF_AND_OWNER,
                        200,
                        c -> Api.get(c, mine + "/entitlements")),
                rest(
                        "POST /api/subscribers/{id}/entitlements",
                        STAFF,
                        201,
                        c -> Api.post(
                                c,
                                mine + "/entitlements",
                                """
                                {"contentId": "%s"}""".formatted(bought))),
                rest(
                        "GET /api/subscribers/{id}/recommendations",
                        STAFF_AND_OWNER,
                        200,
                        c -> Api.get(c, mine + "/recommendations")),
                rest("DELETE /api/subscribers/{id}", STAFF, 204, c -> {
                    // a subscriber of its own, with the owner's password, so that OWNER is its owner
                    Subscriber doomed = Subscriber.create("del");
                    Credentials as = owner.credentials().equals(c) ? doomed.credentials() : c;
                    return Api.delete(as, "/api/subscribers/" + doomed.id());
                }),
                rest("GET /api/contents", ANY_ROLE, 200, c -> Api.get(c, "/api/contents")),
                rest("GET /api/contents/{id}", ANY_ROLE, 200, c -> Api.get(c, "/api/contents/" + bought)),
                rest(
                        "POST /api/contents",
                        OPERATOR_ONLY,
                        201,
                        c -> Api.post(
                                c,
                                "/api/contents",
                                """
                        {"title": "Authorization test", "genre": "drama", "durationSeconds": 60}""")),
                rest("GET /api/packages", ANY_ROLE, 200, c -> Api.get(c, "/api/packages")),
                rest(
                        "POST /api/packages",
                        OPERATOR_ONLY,
                        201,
                        c -> Api.post(
                                c,
                                "/api/packages",
                                """
                        {"id": "%s", "name": "Authorization test", "contentIds": ["%s"]}"""
                                        .formatted(Api.unique("pkg"), bought))),
                rest("DELETE /api/packages/{id}", OPERATOR_ONLY, 204, c -> {
                    String id = Api.unique("pkg");
                    Api.post(
                                    Credentials.OPERATOR,
                                    "/api/packages",
                                    """
                                    {"id": "%s", "name": "To delete", "contentIds": []}"""
                                            .formatted(id))
                            .expect(201);
                    return Api.delete(c, "/api/packages/" + id);
                }),
                rest("GET /api/accounts", OPERATOR_ONLY, 200, c -> Api.get(c, "/api/accounts")),
                rest("GET /api/precompute/status", OPERATOR_ONLY, 200, c -> Api.get(c, "/api/precompute/status")),
                rest("GET /api/metrics", OPERATOR_ONLY, 200, c -> Api.get(c, "/api/metrics")),
                rest(
                        "GET /api/recommendations/model",
                        OPERATOR_ONLY,
                        200,
                        c -> Api.get(c, "/api/recommendations/model")),
                rest("GET /api/license-keys/history", OPERATOR_ONLY, 200, c -> Api.get(c, "/api/license-keys/history")),
                rest("GET /api/ingests", OPERATOR_ONLY, 200, c -> Api.get(c, "/api/ingests")),
                rest("GET /api/live/groups", STAFF, 200, c -> Api.get(c, "/api/live/groups")),
                new Operation(
                        "POST /api/licenses | SOAP requestLicense",
                        STAFF_AND_OWNER,
                        200,
                        c -> Api.post(
                                        c,
                                        "/api/licenses",
                                        Licensing.requestBody(bought, tv.id(), Nonces.generate(CRYPTO)))
                                .status(),
                        c -> soapStatus(Soap.requestLicense(c, bought, tv.id(), Nonces.generate(CRYPTO)))),
                new Operation(
                        "POST /api/events | SOAP reportEvents",
                        STAFF,
                        200,
                        c -> Api.post(
                                        c,
                                        "/api/events",
                                        """
                                        {"accessedContents": [{"terminalId": "%s", "contentId": "%s"}]}"""
                                                .formatted(tv.id(), bought))
                                .status(),
                        c -> soapStatus(Soap.reportEvents(
                                c,
                                "<l:accessedContent><l:terminalId>%s</l:terminalId><l:contentId>%s</l:contentId>"
                                                .formatted(tv.id(), bought)
                                        + "</l:accessedContent>"))));

        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            for (Who who : Who.values()) {
                int expected =
                        who == Who.ANONYMOUS ? 401 : operation.allowed().contains(who) ? operation.success() : 403;
                Credentials credentials = credentials(who);
                int rest = operation.rest().apply(credentials);
                if (rest != expected) {
                    wrong.add(operation.name() + " as " + who + ": REST " + rest + ", expected " + expected);
                }
                if (operation.soap() != null) {
                    int soap = operation.soap().apply(credentials);
                    if (soap != expected) {
                        wrong.add(operation.name() + " as " + who + ": SOAP " + soap + ", expected " + expected
                                + " (as over REST)");
                    }
                }
            }
        }
        assertTrue(
                wrong.isEmpty(),
                () -> wrong.size() + " answers differ from the rule:\n  " + String.join("\n  ", wrong));
    }

    /**
     * The same rule without any boundary of ours: a servlet with no security constraint and no
     * {@code @RolesAllowed} calls the services as each caller, and gets the same refusals as REST and
     * SOAP (the services' {@code @RolesAllowed} and ownership rule), an anonymous call included.
     */
    @Test
    void theServicesAloneRefuseWhatTheBoundariesRefuse() {
        String alice = "subscriber=alice";
        record Case(String op, String query, Set<Who> allowed) {}
        List<Case> cases = List.of(
                new Case("listSubscribers", "", STAFF),
                new Case("getSubscriber", alice, STAFF_AND_OWNER),
                new Case("listTerminals", alice, STAFF_AND_OWNER),
                new Case("getTerminal", "terminal=alice-tv", STAFF_AND_OWNER),
                new Case("listEntitlements", alice, STAFF_AND_OWNER),
                new Case("listAccounts", "", OPERATOR_ONLY),
                new Case("license", "terminal=alice-tv&content=big-buck-bunny", STAFF_AND_OWNER));
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            for (Who who : Who.values()) {
                String as =
                        switch (who) {
                            case OPERATOR -> "operator operator";
                            case INTEGRATOR -> "integrator integrator";
                            case OWNER -> "alice subscriber";
                            case STRANGER -> "bob subscriber";
                            case ANONYMOUS -> null;
                        };
                String outcome = probe(as, "op=" + c.op() + "&" + c.query());
                boolean allowed = outcome.startsWith("allowed");
                if (outcome.startsWith("failed") || allowed != c.allowed().contains(who)) {
                    wrong.add(c.op() + " as " + who + ": " + outcome);
                }
            }
        }
        assertTrue(
                wrong.isEmpty(),
                () -> wrong.size() + " service answers differ from the rule:\n  " + String.join("\n  ", wrong));
    }

    private static String probe(String as, String query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + "/unguarded-probe/?" + query))
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (as != null) {
            request.header(ProbeAsAuthentication.HEADER, as);
        }
        try {
            HttpResponse<String> response =
                    ObservedCalls.send(HTTP, request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Operation rest(String name, Set<Who> allowed, int success, Function<Credentials, Api.Reply> call) {
        return new Operation(name, allowed, success, c -> call.apply(c).status(), null);
    }

    private static Credentials credentials(Who who) {
        return switch (who) {
            case OPERATOR -> Credentials.OPERATOR;
            case INTEGRATOR -> Credentials.INTEGRATOR;
            case OWNER -> owner.credentials();
            case STRANGER -> stranger.credentials();
            case ANONYMOUS -> Credentials.NONE;
        };
    }

    /** A SOAP answer as the REST status it stands for: 200, or the status its fault carries. */
    private static int soapStatus(Soap.Answer answer) {
        if (!answer.isFault()) {
            return answer.status();
        }
        String status = answer.text("status");
        return status == null ? answer.status() : Integer.parseInt(status.strip());
    }
}

package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.delete;
import static org.splitcast.it.support.Api.get;
import static org.splitcast.it.support.Api.post;

import org.junit.jupiter.api.Test;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;

/** Who may do what: 401 without valid credentials, 403 for the wrong role or someone else's data. */
class SecurityIT extends DeployedEar {

    @Test
    void noCredentialsGet401WithAChallengeOnEveryApiPath() {
        for (String path : new String[] {"/api/me", "/api/subscribers", "/api/contents", "/api/no-such-path"}) {
            Api.Reply reply = get(Credentials.NONE, path);
            reply.expectProblem(401, "unauthenticated");
            assertTrue(reply.header("WWW-Authenticate").startsWith("Basic realm=\"splitcast\""));
        }
        post(Credentials.NONE, "/api/subscribers", "{}").expectProblem(401, "unauthenticated");
    }

    @Test
    void wrongPasswordUnknownUserAndGarbledHeaderGet401() {
        get(new Credentials("alice", "not-her-password"), "/api/me").expectProblem(401, "unauthenticated");
        get(new Credentials("nobody-" + Api.unique("u"), "whatever"), "/api/me").expectProblem(401, "unauthenticated");
        Api.getWithAuthorization("/api/me", "Basic !!not-base64!!").expectProblem(401, "unauthenticated");
        Api.getWithAuthorization("/api/me", "Basic bm8tY29sb24=").expectProblem(401, "unauthenticated");
    }

    @Test
    void subscriberReadsOnlyTheirOwnData() {
        get(Credentials.ALICE, "/api/subscribers/alice").expect(200);
        get(Credentials.ALICE, "/api/subscribers/alice/terminals").expect(200);
        get(Credentials.ALICE, "/api/subscribers/alice/entitlements").expect(200);

        get(Credentials.ALICE, "/api/subscribers/bob").expectProblem(403, "forbidden");
        get(Credentials.ALICE, "/api/subscribers/bob/terminals").expectProblem(403, "forbidden");
        get(Credentials.ALICE, "/api/subscribers/bob/entitlements").expectProblem(403, "forbidden");
    }

    @Test
    void subscriberCannotReadAnotherSubscribersTerminalByAnyPath() {
        get(Credentials.ALICE, "/api/terminals/alice-tv").expect(200);

        get(Credentials.ALICE, "/api/terminals/bob-laptop").expectProblem(403, "forbidden");
        get(Credentials.ALICE, "/api/subscribers/bob/terminals/bob-laptop").expectProblem(403, "forbidden");
        post(Credentials.ALICE, "/api/subscribers/bob/terminals/bob-laptop/revoke", "")
                .expectProblem(403, "forbidden");
        delete(Credentials.ALICE, "/api/subscribers/bob/terminals/bob-laptop").expectProblem(403, "forbidden");
        post(
                        Credentials.ALICE,
                        "/api/subscribers/bob/terminals",
                        """
                {"label": "sneaky", "keyType": "AES_256"}""")
                .expectProblem(403, "forbidden");

        assertEquals(
                "ACTIVE",
                get(Credentials.BOB, "/api/terminals/bob-laptop")
                        .expect(200)
                        .json()
                        .getString("status"));
    }

    @Test
    void subscriberCannotUseStaffOperations() {
        get(Credentials.ALICE, "/api/subscribers").expectProblem(403, "forbidden");
        post(Credentials.ALICE, "/api/subscribers", "{}").expectProblem(403, "forbidden");
        delete(Credentials.ALICE, "/api/subscribers/alice").expectProblem(403, "forbidden");
        post(Credentials.ALICE, "/api/subscribers/alice/entitlements", """
                {"packageId": "sports"}""")
                .expectProblem(403, "forbidden");
        post(Credentials.ALICE, "/api/contents", "{}").expectProblem(403, "forbidden");
        get(Credentials.ALICE, "/api/accounts").expectProblem(403, "forbidden");
    }

    @Test
    void integratorManagesSubscribersButNotTheCatalogueOrAccounts() {
        get(Credentials.INTEGRATOR, "/api/subscribers/bob/terminals").expect(200);
        get(Credentials.INTEGRATOR, "/api/contents").expect(200);

        post(
                        Credentials.INTEGRATOR,
                        "/api/contents",
                        """
                {"title": "x", "genre": "drama", "durationSeconds": 60}""")
                .expectProblem(403, "forbidden");
        delete(Credentials.INTEGRATOR, "/api/contents/sintel").expectProblem(403, "forbidden");
        post(
                        Credentials.INTEGRATOR,
                        "/api/accounts",
                        """
                {"username": "x", "password": "password-1", "role": "operator"}""")
                .expectProblem(403, "forbidden");
    }

    @Test
    void operatorCreatesAnIntegratorWhoCanThenWork() {
        String username = Api.unique("crm");
        post(
                        Credentials.OPERATOR,
                        "/api/accounts",
                        """
                {"username": "%s", "password": "a-long-secret", "role": "integrator"}"""
                                .formatted(username))
                .expect(201);
        Credentials crm = new Credentials(username, "a-long-secret");

        assertEquals("integrator", get(crm, "/api/me").expect(200).json().getString("role"));
        get(crm, "/api/subscribers").expect(200);

        delete(Credentials.OPERATOR, "/api/accounts/" + username).expect(204);
        get(crm, "/api/me").expectProblem(401, "unauthenticated");
    }

    @Test
    void theLastOperatorAccountCannotBeDeleted() {
        delete(Credentials.OPERATOR, "/api/accounts/operator").expectProblem(409, "conflict");

        get(Credentials.OPERATOR, "/api/me").expect(200);
    }

    @Test
    void landingPageAndOpenApiArePublic() {
        assertTrue(get(Credentials.NONE, "/").expect(200).body().contains("/openapi"));
        String openapi = get(Credentials.NONE, "/openapi").expect(200).body();
        assertTrue(openapi.contains("/api/subscribers"), "documents the API");
        assertTrue(openapi.contains("application/problem+json"), "documents the error responses");
    }
}

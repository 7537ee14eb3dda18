package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.ApiContract;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.ObservedCalls;
import org.splitcast.it.support.RunsLast;
import org.splitcast.it.support.Soap;
import org.w3c.dom.Document;

/**
 * The API contract (docs/api-contract.md): after every other test class of the run ({@link
 * RunsLast}), compares each (operation, status) they observed over HTTP with what {@code /openapi}
 * declares, checks that every body has a typed schema, and that every SOAP fault the tests received
 * is declared in the WSDL. A failure lists each missing declaration with the test that saw it.
 */
@RunsLast
class ApiContractCheck extends DeployedEar {

    @Test
    void everyStatusTheTestsObservedIsDeclared() {
        List<ObservedCalls.RestCall> calls = ObservedCalls.restCalls();
        assertFalse(
                calls.isEmpty(),
                "no calls recorded in " + ObservedCalls.FILE.toAbsolutePath()
                        + ": run this check together with the integration tests (docs/api-contract.md)");
        JsonObject openapi = openapi();
        List<String> unobserved = ApiContract.unobservedOperations(openapi, calls);
        System.out.printf(
                "API contract: %d recorded calls compared with /openapi; %d operation(s) no test reached:%n  %s%n",
                calls.size(), unobserved.size(), String.join("\n  ", unobserved));
        List<String> missing = ApiContract.undeclaredStatuses(openapi, calls);
        assertTrue(
                missing.isEmpty(),
                () -> "/openapi does not declare " + missing.size() + " (operation, status) pair(s) that the "
                        + calls.size() + " recorded calls of the integration tests observed:\n  "
                        + String.join("\n  ", missing)
                        + "\nDeclare each on the resource method (@APIResponse(responseCode = \"…\", content = …"
                        + " problem schema)), or in ProblemResponsesFilter if every operation can answer it;"
                        + " see docs/api-contract.md.");
    }

    @Test
    void everyBodyHasATypedSchema() {
        List<String> untyped = ApiContract.untypedBodies(openapi());
        assertTrue(
                untyped.isEmpty(),
                () -> "/openapi has " + untyped.size() + " body(ies) without a typed schema:\n  "
                        + String.join("\n  ", untyped)
                        + "\nReturn a typed entity, or declare @APIResponse(content = @Content(schema ="
                        + " @Schema(implementation = …))); see docs/api-contract.md.");
    }

    @Test
    void everySoapFaultTheTestsReceivedIsDeclaredInTheWsdl() {
        Document wsdl = Soap.parse(
                Api.get(Credentials.NONE, Soap.PATH + "?wsdl").expect(200).body());
        List<String> missing = ApiContract.undeclaredFaults(wsdl, ObservedCalls.soapCalls());
        assertTrue(
                missing.isEmpty(),
                () -> "the WSDL of " + Soap.PATH + " does not declare:\n  " + String.join("\n  ", missing));
    }

    private static JsonObject openapi() {
        String body = Api.send("GET", Credentials.NONE, "/openapi?format=JSON", null, null)
                .expect(200)
                .body();
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}

package org.splitcast.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitcast.it.support.ObservedCalls.RestCall;
import org.splitcast.it.support.ObservedCalls.SoapCall;

/** The contract check's comparison fails, naming operation, status and test, where it should. */
class ApiContractTest {

    private static final JsonObject DOCUMENT = json(
            """
            {"paths": {
              "/api/subscribers/{id}": {"get": {"responses": {
                  "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/S"}}}},
                  "404": {"description": "no such subscriber"}}}},
              "/api/subscribers/me": {"get": {"responses": {
                  "200": {"content": {"application/json": {"schema": {"type": "object"}}}}}}},
              "/api/subscribers": {"post": {
                  "requestBody": {"content": {"application/json": {"schema": {}}}},
                  "responses": {"201": {"description": "created",
                                        "content": {"application/json": {"schema": {"type": "object"}}}},
                                "4XX": {"description": "any client error"}}}},
              "/api/terminals": {"post": {"responses": {
                  "201": {"description": "no Location", "headers": {}},
                  "200": {"description": "no content"}}}}
            }}""");

    @Test
    void declaredStatusesPassAndUndeclaredOnesAreNamedWithTheirTest() {
        List<String> findings = ApiContract.undeclaredStatuses(
                DOCUMENT,
                List.of(
                        new RestCall("GET", "/api/subscribers/alice", 200, false, "AIT.a"),
                        new RestCall("GET", "/api/subscribers/alice", 404, false, "AIT.b"),
                        new RestCall("POST", "/api/subscribers", 409, false, "AIT.c"),
                        new RestCall("GET", "/api/subscribers/me", 200, false, "AIT.d"),
                        new RestCall("GET", "/api/subscribers/me", 403, false, "BIT.e"),
                        new RestCall("GET", "/api/subscribers/me", 403, false, "BIT.f"),
                        new RestCall("GET", "/media/film-1/main.ts", 500, false, "CIT.g"),
                        new RestCall("GET", "/api/no-such-path", 404, false, "CIT.h"),
                        new RestCall("DELETE", "/api/subscribers", 405, false, "CIT.i")));
        assertEquals(
                List.of("GET /api/subscribers/me → 403 (declared: 200) — seen 2×, first by BIT.e: GET"
                        + " /api/subscribers/me"),
                findings,
                "/me is matched before {id} (more literal segments), 4XX covers 409, /media is outside the"
                        + " document, a 404 on an unknown path and a 405 are probes");
    }

    @Test
    void undeclaredOperationsUnknownPathsAndAMissingLocationAreFindings() {
        List<String> findings = ApiContract.undeclaredStatuses(
                DOCUMENT,
                List.of(
                        new RestCall("DELETE", "/api/subscribers/alice", 204, false, "AIT.a"),
                        new RestCall("GET", "/api/secret-things", 200, false, "AIT.b"),
                        new RestCall("POST", "/api/terminals", 201, true, "AIT.c")));
        assertEquals(3, findings.size(), findings::toString);
        assertTrue(
                findings.get(0)
                        .startsWith("DELETE /api/subscribers/{id} → 204: /openapi declares no such"
                                + " operation (it declares GET on this path)"),
                findings.get(0));
        assertTrue(
                findings.get(1).startsWith("GET /api/secret-things → 200: no path of /openapi matches"),
                findings.get(1));
        assertTrue(findings.get(2).startsWith("POST /api/terminals → 201 with a Location header"), findings.get(2));
    }

    @Test
    void operationsNoCallReachedAreListed() {
        assertEquals(
                List.of("POST /api/subscribers", "POST /api/terminals"),
                ApiContract.unobservedOperations(
                        DOCUMENT,
                        List.of(
                                new RestCall("GET", "/api/subscribers/alice", 200, false, "AIT.a"),
                                new RestCall("GET", "/api/subscribers/me", 403, false, "AIT.b"))));
    }

    @Test
    void bodiesWithoutATypedSchemaAreFindings() {
        assertEquals(
                List.of(
                        "POST /api/subscribers: request body application/json has no typed schema",
                        "POST /api/terminals → 200: declares no body (declare its media type and schema, or answer"
                                + " 204)",
                        "POST /api/terminals → 201: declares no body (declare its media type and schema, or answer"
                                + " 204)"),
                ApiContract.untypedBodies(DOCUMENT));
    }

    @Test
    void aFaultFromAnOperationWithoutDeclaredFaultsIsAFinding() {
        var wsdl = Soap.parse(
                """
                <definitions xmlns="http://schemas.xmlsoap.org/wsdl/">
                  <portType name="P">
                    <operation name="requestLicense"><input/><output/><fault name="LicenseFault"/></operation>
                    <operation name="ping"><input/><output/></operation>
                  </portType>
                </definitions>""");
        List<String> findings = ApiContract.undeclaredFaults(
                wsdl,
                List.of(
                        new SoapCall("LicenseService", "requestLicense", 500, "soap:Client/not-entitled", "AIT.a"),
                        new SoapCall("LicenseService", "ping", 500, "soap:Client/forbidden", "AIT.b"),
                        new SoapCall("LicenseService", "ping", 401, "soap:Client/unauthenticated", "AIT.c"),
                        new SoapCall("LicenseService", "nothing", 200, null, "AIT.d")));
        assertEquals(
                List.of(
                        "LicenseService.ping → fault soap:Client/forbidden: the WSDL declares no fault for this"
                                + " operation — seen 1×, first by AIT.b",
                        "LicenseService.nothing: the WSDL has no such operation — seen 1×, first by AIT.d"),
                findings);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}

package org.splitcast.it.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.splitcast.it.support.ObservedCalls.RestCall;
import org.splitcast.it.support.ObservedCalls.SoapCall;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The comparison behind {@code ApiContractCheck} (docs/api-contract.md): what the integration
 * tests observed against what the server's OpenAPI document and WSDL declare. Pure functions over
 * the parsed documents, so that {@code ApiContractTest} can show that each check fails when it
 * should.
 */
public final class ApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    /** What an unknown path answers: not an operation, a probe of the error contract. */
    private static final Set<Integer> PROBES_OF_UNKNOWN_PATHS = Set.of(401, 404, 405);
    /** What an undeclared method on a known path answers. */
    private static final Set<Integer> PROBES_OF_UNKNOWN_METHODS = Set.of(401, 405);

    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";

    private ApiContract() {}

    /** An operation of the document: its method (upper case) and path template. */
    public record Operation(String method, String template) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** A path template of the document, and the pattern that matches concrete paths. */
    private record Template(String template, Pattern pattern, int literals) {

        static Template of(String template) {
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            for (String segment : template.split("/", -1)) {
                if (!regex.isEmpty() || !segment.isEmpty()) {
                    regex.append('/');
                }
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(segment));
                    literals++;
                }
            }
            return new Template(template, Pattern.compile(regex.toString()), literals);
        }
    }

    /**
     * Every (operation, status) the tests observed that the document does not declare, every call
     * to a documented path whose method or path the document does not know (other than a 401, 404 or 405 on an
     * unknown path, a 401 or 405 on an undeclared method: the tests' probes of the error contract), and
     * every observed {@code 201} with a {@code Location} whose declared {@code 201} names no {@code
     * Location} header. One line per finding, naming the operation, the status and the first test
     * that saw it. Paths outside the document's top-level segments ({@code /media}, {@code /ws}, the
     * portal's files) are not part of this document and are left out.
     */
    public static List<String> undeclaredStatuses(JsonObject openapi, List<RestCall> calls) {
        JsonObject paths = openapi.getJsonObject("paths");
        List<Template> templates = paths.keySet().stream()
                .map(Template::of)
                .sorted(Comparator.comparingInt(Template::literals).reversed())
                .toList();
        Set<String> roots = paths.keySet().stream().map(ApiContract::root).collect(Collectors.toSet());

        Map<String, List<RestCall>> findings = new LinkedHashMap<>();
        Map<String, String> declared = new LinkedHashMap<>();
        for (RestCall call : calls) {
            if (!roots.contains(root(call.path()))) {
                continue;
            }
            Optional<Template> template = templates.stream()
                    .filter(t -> t.pattern().matcher(call.path()).matches())
                    .findFirst();
            if (template.isEmpty()) {
                if (!PROBES_OF_UNKNOWN_PATHS.contains(call.status())) {
                    findings.computeIfAbsent(
                                    call.method() + " " + call.path() + " → " + call.status()
                                            + ": no path of /openapi matches this path",
                                    k -> new ArrayList<>())
                            .add(call);
                }
                continue;
            }
            Operation operation = new Operation(call.method(), template.get().template());
            JsonObject item = paths.getJsonObject(operation.template());
            JsonValue op = item.get(call.method().toLowerCase(Locale.ROOT));
            if (!(op instanceof JsonObject declaredOperation)) {
                if (!PROBES_OF_UNKNOWN_METHODS.contains(call.status())) {
                    findings.computeIfAbsent(
                                    operation + " → " + call.status()
                                            + ": /openapi declares no such operation (it declares "
                                            + declaredMethods(item) + " on this path)",
                                    k -> new ArrayList<>())
                            .add(call);
                }
                continue;
            }
            JsonObject responses = declaredOperation.getJsonObject("responses");
            String status = Integer.toString(call.status());
            JsonObject response = response(responses, status);
            if (response == null) {
                String key = operation + " → " + status;
                findings.computeIfAbsent(key, k -> new ArrayList<>()).add(call);
                declared.put(key, String.join(", ", new TreeSet<>(responses.keySet())));
            } else if (call.status() == 201 && call.location() && !declaresHeader(response, "Location")) {
                findings.computeIfAbsent(
                                operation + " → 201 with a Location header: the declared 201 has no Location header",
                                k -> new ArrayList<>())
                        .add(call);
            }
        }
        List<String> lines = new ArrayList<>();
        findings.forEach((key, seen) -> {
            RestCall first = seen.get(0);
            lines.add(key + (declared.containsKey(key) ? " (declared: " + declared.get(key) + ")" : "")
                    + " — seen " + seen.size() + "×, first by " + first.caller() + ": " + first.method() + " "
                    + first.path());
        });
        return lines;
    }

    /** The operations of the document that no recorded call reached: what the tests leave unchecked. */
    public static List<String> unobservedOperations(JsonObject openapi, List<RestCall> calls) {
        JsonObject paths = openapi.getJsonObject("paths");
        List<Template> templates = paths.keySet().stream()
                .map(Template::of)
                .sorted(Comparator.comparingInt(Template::literals).reversed())
                .toList();
        Set<String> seen = new TreeSet<>();
        for (RestCall call : calls) {
            templates.stream()
                    .filter(t -> t.pattern().matcher(call.path()).matches())
                    .findFirst()
                    .ifPresent(t -> seen.add(call.method() + " " + t.template()));
        }
        List<String> unobserved = new ArrayList<>();
        for (String path : new TreeSet<>(paths.keySet())) {
            for (String method : new TreeSet<>(paths.getJsonObject(path).keySet())) {
                String operation = method.toUpperCase(Locale.ROOT) + " " + path;
                if (METHODS.contains(method) && !seen.contains(operation)) {
                    unobserved.add(operation);
                }
            }
        }
        return unobserved;
    }

    /**
     * Every request body and every response body of a success (2xx other than 204) that has no
     * typed schema (a {@code $ref}, a {@code type}, or a composition), and every such response that
     * declares no content at all.
     */
    public static List<String> untypedBodies(JsonObject openapi) {
        List<String> lines = new ArrayList<>();
        JsonObject paths = openapi.getJsonObject("paths");
        for (String path : new TreeSet<>(paths.keySet())) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : new TreeSet<>(item.keySet())) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                String operation = method.toUpperCase(Locale.ROOT) + " " + path;
                JsonObject op = item.getJsonObject(method);
                JsonObject requestBody = op.getJsonObject("requestBody");
                if (requestBody != null) {
                    untypedContent(requestBody.getJsonObject("content"))
                            .forEach(type -> lines.add(operation + ": request body " + type + " has no typed schema"));
                }
                JsonObject responses = op.getJsonObject("responses");
                if (responses == null) {
                    lines.add(operation + ": declares no responses");
                    continue;
                }
                for (String status : new TreeSet<>(responses.keySet())) {
                    if (!status.startsWith("2") || status.equals("204")) {
                        continue;
                    }
                    JsonObject response = responses.getJsonObject(status);
                    JsonObject content = response.getJsonObject("content");
                    if (content == null || content.isEmpty()) {
                        lines.add(operation + " → " + status
                                + ": declares no body (declare its media type and schema, or answer 204)");
                        continue;
                    }
                    untypedContent(content)
                            .forEach(type -> lines.add(
                                    operation + " → " + status + ": response body " + type + " has no typed schema"));
                }
            }
        }
        return lines;
    }

    /**
     * Every SOAP operation the tests called that the WSDL does not have, and every fault the tests
     * received from an operation whose WSDL declares no fault.
     */
    public static List<String> undeclaredFaults(Document wsdl, List<SoapCall> calls) {
        Map<String, Boolean> operations = new LinkedHashMap<>();
        NodeList portTypes = wsdl.getElementsByTagNameNS(WSDL, "portType");
        for (int i = 0; i < portTypes.getLength(); i++) {
            NodeList ops = ((Element) portTypes.item(i)).getElementsByTagNameNS(WSDL, "operation");
            for (int j = 0; j < ops.getLength(); j++) {
                Element op = (Element) ops.item(j);
                operations.put(
                        op.getAttribute("name"),
                        op.getElementsByTagNameNS(WSDL, "fault").getLength() > 0);
            }
        }
        Map<String, List<SoapCall>> findings = new LinkedHashMap<>();
        for (SoapCall call : calls) {
            Boolean declaresFault = operations.get(call.operation());
            if (declaresFault == null) {
                if (call.status() != 401) { // refused before the endpoint: no operation ran
                    findings.computeIfAbsent(
                                    call.service() + "." + call.operation() + ": the WSDL has no such operation",
                                    k -> new ArrayList<>())
                            .add(call);
                }
            } else if (call.faultCode() != null && !declaresFault && call.status() != 401) {
                findings.computeIfAbsent(
                                call.service() + "." + call.operation() + " → fault " + call.faultCode()
                                        + ": the WSDL declares no fault for this operation",
                                k -> new ArrayList<>())
                        .add(call);
            }
        }
        List<String> lines = new ArrayList<>();
        findings.forEach((key, seen) -> lines.add(
                key + " — seen " + seen.size() + "×, first by " + seen.get(0).caller()));
        return lines;
    }

    /** The declared response for that status: exact, then its class ({@code 4XX}), then {@code default}. */
    private static JsonObject response(JsonObject responses, String status) {
        if (responses == null) {
            return null;
        }
        for (String key : List.of(status, status.charAt(0) + "XX", "default")) {
            if (responses.get(key) instanceof JsonObject response) {
                return response;
            }
        }
        return null;
    }

    private static boolean declaresHeader(JsonObject response, String name) {
        JsonObject headers = response.getJsonObject("headers");
        return headers != null && headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name));
    }

    private static List<String> untypedContent(JsonObject content) {
        List<String> untyped = new ArrayList<>();
        if (content == null) {
            return untyped;
        }
        for (String mediaType : new TreeSet<>(content.keySet())) {
            JsonObject media = content.getJsonObject(mediaType);
            JsonObject schema = media.getJsonObject("schema");
            if (schema == null
                    || !(schema.containsKey("$ref")
                            || schema.containsKey("type")
                            || schema.containsKey("allOf")
                            || schema.containsKey("oneOf")
                            || schema.containsKey("anyOf"))) {
                untyped.add(mediaType);
            }
        }
        return untyped;
    }

    private static String declaredMethods(JsonObject item) {
        return item.keySet().stream()
                .filter(METHODS::contains)
                .map(m -> m.toUpperCase(Locale.ROOT))
                .sorted()
                .collect(Collectors.joining(", "));
    }

    /** {@code /api/subscribers/x} → {@code /api}. */
    private static String root(String path) {
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second);
    }
}

package org.splitcast.it.support;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.xml.parsers.DocumentBuilderFactory;
import org.splitcast.it.support.Api.Credentials;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** A plain SOAP 1.1 client for {@code /ws/LicenseService}: an envelope over HTTP, parsed with DOM. */
public final class Soap {

    public static final String PATH = "/ws/LicenseService";
    private static final String NS = "urn:splitcast:license:1";
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Soap() {}

    /** The answer: its HTTP status, and the parsed body. */
    public record Answer(int status, String body, Document xml) {

        /** The text of the first element of that local name in our namespace (or a fault's). */
        public String text(String localName) {
            NodeList nodes = xml.getElementsByTagNameNS(NS, localName);
            if (nodes.getLength() == 0) {
                nodes = xml.getElementsByTagNameNS("*", localName);
            }
            if (nodes.getLength() == 0) {
                nodes = xml.getElementsByTagName(localName);
            }
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        }

        public boolean isFault() {
            return xml.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Fault")
                            .getLength()
                    > 0;
        }

        /** The fault detail's problem code (not-entitled, forbidden, ...). */
        public String faultCode() {
            return isFault() ? text("code") : null;
        }
    }

    public static Answer requestLicense(Credentials who, String contentId, String terminalId, String nonce) {
        return call(
                who,
                "requestLicense",
                """
                <l:contentId>%s</l:contentId>
                <l:terminalId>%s</l:terminalId>
                <l:nonce>%s</l:nonce>"""
                        .formatted(contentId, terminalId, nonce));
    }

    /** {@code reportEvents}: its parameters as elements in the service's namespace (prefix l). */
    public static Answer reportEvents(Credentials who, String parameters) {
        return call(who, "reportEvents", parameters);
    }

    /** One operation of the service, its parameters given as elements with the prefix {@code l}. */
    public static Answer call(Credentials who, String operation, String parameters) {
        String envelope =
                """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:l="%s">
                  <soap:Body>
                    <l:%s>%s</l:%s>
                  </soap:Body>
                </soap:Envelope>"""
                        .formatted(NS, operation, parameters, operation);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + PATH))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope));
        if (who.username() != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response =
                    ObservedCalls.send(CLIENT, request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.body(), parse(response.body()));
            ObservedCalls.soap(
                    "LicenseService", operation, answer.status(), answer.isFault() ? faultCodeOf(answer) : null);
            return answer;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fault's {@code faultcode} and its detail's problem code, as {@code soap:Client/not-entitled}. */
    private static String faultCodeOf(Answer answer) {
        NodeList codes = answer.xml().getElementsByTagName("faultcode");
        String faultCode =
                codes.getLength() == 0 ? "?" : codes.item(0).getTextContent().strip();
        return faultCode + "/" + answer.faultCode();
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }
}

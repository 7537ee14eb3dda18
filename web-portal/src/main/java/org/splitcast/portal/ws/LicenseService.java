package org.splitcast.portal.ws;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import java.util.List;

/** The SOAP contract of the license server (WSDL at {@code /ws/LicenseService?wsdl}). */
@WebService(name = "LicenseService", targetNamespace = LicenseService.NAMESPACE)
public interface LicenseService {

    String NAMESPACE = "urn:splitcast:license:1";

    /**
     * A license for the terminal and content (docs/license-format.md), finished with the nonce.
     *
     * @throws LicenseFault with the same code as the REST problem: not-entitled,
     *     terminal-revoked, play-limit-reached, too-many-in-flight, forbidden, not-found,
     *     validation, internal
     */
    @WebMethod(operationName = "requestLicense")
    @WebResult(name = "license")
    LicenseResult requestLicense(
            @WebParam(name = "contentId") String contentId,
            @WebParam(name = "terminalId") String terminalId,
            @WebParam(name = "nonce") String nonce)
            throws LicenseFault;

    /**
     * The event lists of step 112, as {@code POST /api/events} (operators and integrators): new and
     * accessing subscribers join the active list of the precompute step, removed ones leave it.
     *
     * @throws LicenseFault not-found (an unknown new or accessing id: nothing applied), forbidden,
     *     validation, internal
     */
    @WebMethod(operationName = "reportEvents")
    @WebResult(name = "events")
    EventsResult reportEvents(
            @WebParam(name = "newSubscriber") List<String> newSubscribers,
            @WebParam(name = "newTerminal") List<String> newTerminals,
            @WebParam(name = "accessedContent") List<AccessedContentItem> accessedContents,
            @WebParam(name = "removedSubscriber") List<String> removedSubscribers,
            @WebParam(name = "removedTerminal") List<String> removedTerminals)
            throws LicenseFault;
}

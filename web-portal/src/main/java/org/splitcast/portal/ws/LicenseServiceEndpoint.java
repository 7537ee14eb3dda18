package org.splitcast.portal.ws;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.xml.ws.WebServiceContext;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.splitcast.error.ErrorCode;
import org.splitcast.error.SplitcastException;
import org.splitcast.license.LicenseIssuer;
import org.splitcast.license.LicenseRequest;
import org.splitcast.license.activity.ActivityEvents;
import org.splitcast.license.activity.ActivityService;

/**
 * {@link LicenseService} over the same {@link LicenseIssuer} as {@code POST /api/licenses}. A
 * POJO endpoint mapped in web.xml at {@code /ws/LicenseService}, so that it shares the portal's
 * context root and HTTP Basic authentication (POST needs credentials; the WSDL is public).
 */
@HandlerChain(file = "handlers.xml")
@WebService(
        serviceName = "LicenseService",
        portName = "LicenseServicePort",
        targetNamespace = LicenseService.NAMESPACE,
        endpointInterface = "org.splitcast.portal.ws.LicenseService")
public class LicenseServiceEndpoint implements LicenseService {

    private static final Logger LOG = Logger.getLogger(LicenseServiceEndpoint.class);

    @Resource
    WebServiceContext context;

    @EJB
    LicenseIssuer issuer;

    @EJB
    ActivityService activity;

    @Inject
    Validator validator;

    @Override
    public LicenseResult requestLicense(String contentId, String terminalId, String nonce) throws LicenseFault {
        LicenseRequest request = new LicenseRequest(contentId, terminalId, nonce);
        validate(request);
        try {
            requireAuthenticated();
            return LicenseResult.of(issuer.issue(request));
        } catch (EJBAccessException e) {
            throw forbidden(e);
        } catch (SplitcastException e) {
            LOG.debugf("SOAP license refused: %s: %s", e.code().slug(), e.getMessage());
            throw fault(e.code(), e.getMessage(), null);
        } catch (LicenseFault e) {
            throw e;
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(e, "Internal error %s in SOAP requestLicense", errorId);
            throw fault(
                    ErrorCode.INTERNAL, "The server failed to issue the license; quote error id " + errorId, errorId);
        }
    }

    @Override
    public EventsResult reportEvents(
            List<String> newSubscribers,
            List<String> newTerminals,
            List<AccessedContentItem> accessedContents,
            List<String> removedSubscribers,
            List<String> removedTerminals)
            throws LicenseFault {
        requireAuthenticated();
        ActivityEvents events = new ActivityEvents(
                newSubscribers,
                newTerminals,
                accessedContents == null
                        ? null
                        : accessedContents.stream()
                                .map(a -> a == null
                                        ? null
                                        : new ActivityEvents.AccessedContent(a.terminalId, a.contentId))
                                .toList(),
                removedSubscribers,
                removedTerminals);
        validate(events);
        try {
            return EventsResult.of(activity.apply(events));
        } catch (EJBAccessException e) {
            throw forbidden(e);
        } catch (SplitcastException e) {
            LOG.debugf("SOAP events refused: %s: %s", e.code().slug(), e.getMessage());
            throw fault(e.code(), e.getMessage(), null);
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(e, "Internal error %s in SOAP reportEvents", errorId);
            throw fault(
                    ErrorCode.INTERNAL, "The server failed to apply the events; quote error id " + errorId, errorId);
        }
    }

    private <T> void validate(T request) throws LicenseFault {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw fault(
                    ErrorCode.VALIDATION,
                    violations.stream()
                            .map(ConstraintViolation::getMessage)
                            .sorted(Comparator.naturalOrder())
                            .collect(Collectors.joining("; ")),
                    null);
        }
    }

    /** Who may do what is the services' business; a call without credentials is refused here. */
    private void requireAuthenticated() throws LicenseFault {
        if (context.getUserPrincipal() == null) {
            throw fault(ErrorCode.UNAUTHENTICATED, "This operation needs credentials (HTTP Basic)", null);
        }
    }

    /** The service's role check refused the call: the same answer as REST's 403. */
    private static LicenseFault forbidden(EJBAccessException e) {
        LOG.debugf("SOAP call refused by the service's role check: %s", e.getMessage());
        return fault(ErrorCode.FORBIDDEN, "Your role may not do this", null);
    }

    private static LicenseFault fault(ErrorCode code, String detail, String errorId) {
        return new LicenseFault(code.title() + ": " + detail, FaultDetail.of(code, detail, errorId));
    }
}

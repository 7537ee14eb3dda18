package org.splitcast.portal.ws;

import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.util.Set;
import javax.xml.namespace.QName;
import org.jboss.logging.Logger;
import org.w3c.dom.NodeList;

/**
 * JAX-WS reports every declared fault as {@code soap:Server}; a refusal caused by the request
 * (its problem status is 4xx: not entitled, forbidden, not found, ...) is the client's, so this
 * handler turns its fault code into {@code soap:Client}, as SOAP 1.1 §4.4.1 means it.
 */
public class ClientFaultCodes implements SOAPHandler<SOAPMessageContext> {

    private static final Logger LOG = Logger.getLogger(ClientFaultCodes.class);
    private static final QName CLIENT = new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, "Client");

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        try {
            SOAPFault fault = context.getMessage().getSOAPBody().getFault();
            if (fault != null && fault.hasDetail()) {
                NodeList status = fault.getDetail().getElementsByTagNameNS(LicenseService.NAMESPACE, "status");
                if (status.getLength() > 0
                        && status.item(0).getTextContent().strip().startsWith("4")) {
                    fault.setFaultCode(CLIENT);
                }
            }
        } catch (SOAPException | RuntimeException e) {
            LOG.debugf(e, "fault code left as it was");
        }
        return true;
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        return true;
    }

    @Override
    public void close(MessageContext context) {}

    @Override
    public Set<QName> getHeaders() {
        return Set.of();
    }
}

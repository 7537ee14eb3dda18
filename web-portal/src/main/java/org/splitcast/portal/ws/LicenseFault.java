package org.splitcast.portal.ws;

import jakarta.xml.ws.WebFault;

/** A refused or failed license request, as a SOAP fault whose detail is a {@link FaultDetail}. */
@WebFault(name = "problem", targetNamespace = LicenseService.NAMESPACE)
public class LicenseFault extends Exception {

    private static final long serialVersionUID = 1L;

    private final FaultDetail faultInfo;

    public LicenseFault(String message, FaultDetail faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public FaultDetail getFaultInfo() {
        return faultInfo;
    }
}

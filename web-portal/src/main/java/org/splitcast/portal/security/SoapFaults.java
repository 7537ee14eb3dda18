package org.splitcast.portal.security;

import org.splitcast.error.ErrorCode;

/** A SOAP 1.1 fault written by the error page, before any JAX-WS endpoint is reached (a 401). */
final class SoapFaults {

    private SoapFaults() {}

    static String envelope(ErrorCode code, String detail) {
        String faultCode = code.status() >= 500 ? "soap:Server" : "soap:Client";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><soap:Fault><faultcode>" + faultCode + "</faultcode>"
                + "<faultstring>" + escape(code.title() + ": " + detail) + "</faultstring>"
                + "<detail><problem xmlns=\"urn:splitcast:license:1\"><code>" + code.slug() + "</code>"
                + "<type>" + code.type() + "</type><title>" + escape(code.title()) + "</title>"
                + "<status>" + code.status() + "</status><detail>" + escape(detail) + "</detail></problem></detail>"
                + "</soap:Fault></soap:Body></soap:Envelope>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

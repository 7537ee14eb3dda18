package org.splitcast.portal.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import org.splitcast.license.IssuedLicense;

/** A license over SOAP: the fields of the REST document, and where the access block came from. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "License",
        propOrder = {"format", "licenseId", "contentId", "terminalId", "keyId", "access", "grant", "accessSource"})
public class LicenseResult {

    public String format;
    public String licenseId;
    public String contentId;
    public String terminalId;
    public String keyId;
    public String access;
    public String grant;
    /** precomputed or computed: the REST header Splitcast-Access. */
    public String accessSource;

    public LicenseResult() {}

    static LicenseResult of(IssuedLicense l) {
        LicenseResult r = new LicenseResult();
        r.format = l.format();
        r.licenseId = l.licenseId();
        r.contentId = l.contentId();
        r.terminalId = l.terminalId();
        r.keyId = l.keyId();
        r.access = l.access();
        r.grant = l.grant();
        r.accessSource = l.source().headerValue();
        return r;
    }
}

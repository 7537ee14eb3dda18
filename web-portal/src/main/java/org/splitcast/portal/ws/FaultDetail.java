package org.splitcast.portal.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import org.splitcast.error.ErrorCode;

/**
 * The detail of a SOAP fault: the fields of an RFC 9457 problem, with the same {@code code} and
 * {@code type} as over REST (docs/problems.md).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "Problem",
        propOrder = {"code", "type", "title", "status", "detail", "errorId"})
public class FaultDetail {

    public String code;
    public String type;
    public String title;
    public int status;
    public String detail;
    public String errorId;

    public FaultDetail() {}

    static FaultDetail of(ErrorCode code, String detail, String errorId) {
        FaultDetail d = new FaultDetail();
        d.code = code.slug();
        d.type = code.type().toString();
        d.title = code.title();
        d.status = code.status();
        d.detail = detail;
        d.errorId = errorId;
        return d;
    }
}

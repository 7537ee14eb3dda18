package org.splitcast.portal.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** A content accessed by a terminal, in {@code reportEvents}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "AccessedContent",
        propOrder = {"terminalId", "contentId"})
public class AccessedContentItem {

    public String terminalId;
    public String contentId;

    public AccessedContentItem() {}
}

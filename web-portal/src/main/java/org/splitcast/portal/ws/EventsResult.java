package org.splitcast.portal.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import org.splitcast.license.activity.ActivityReport;

/** What {@code reportEvents} did: the fields of the REST answer of {@code POST /api/events}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "EventsResult",
        propOrder = {"activated", "deactivated", "accessesRecorded", "accessBlocksDropped", "waiting"})
public class EventsResult {

    public int activated;
    public int deactivated;
    public int accessesRecorded;
    public int accessBlocksDropped;
    public long waiting;

    public EventsResult() {}

    static EventsResult of(ActivityReport r) {
        EventsResult e = new EventsResult();
        e.activated = r.activated();
        e.deactivated = r.deactivated();
        e.accessesRecorded = r.accessesRecorded();
        e.accessBlocksDropped = r.accessBlocksDropped();
        e.waiting = r.waiting();
        return e;
    }
}

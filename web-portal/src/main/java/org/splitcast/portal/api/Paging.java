package org.splitcast.portal.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.splitcast.common.Page;

/** The {@code offset} and {@code limit} query parameters of list operations. */
public class Paging {

    @QueryParam("offset")
    @DefaultValue("0")
    @Min(0)
    int offset;

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(Page.MAX_LIMIT)
    int limit;

    public int offset() {
        return offset;
    }

    public int limit() {
        return limit;
    }
}

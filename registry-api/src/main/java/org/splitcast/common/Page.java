package org.splitcast.common;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items the items of this page
 * @param offset how many items come before this page
 * @param limit the largest page size that was asked for
 * @param total how many items the whole list has
 */
public record Page<T>(List<T> items, int offset, int limit, long total) {

    public static final int MAX_LIMIT = 500;
}

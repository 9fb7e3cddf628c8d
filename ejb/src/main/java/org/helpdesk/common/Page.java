package org.helpdesk.common;

import java.util.List;

/** One page of a list that the database filtered, sorted and cut; {@code page} counts from 1. */
public record Page<T>(List<T> items, long totalItems, int page, int size) {

    public Page {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return totalItems == 0 ? 0 : (totalItems + size - 1) / size;
    }
}

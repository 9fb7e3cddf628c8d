package org.helpdesk.common;

import java.util.List;

/**
 * One page of a list that the database filtered, sorted and cut; {@code page} counts from 1.
 * {@code totalExact} is false where counting every match would cost a scan: {@code totalItems} is
 * then a lower bound ("more than …"), and the list goes on at least to the next page if it is
 * higher than the items seen so far.
 */
public record Page<T>(List<T> items, long totalItems, int page, int size, boolean totalExact) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page whose total is exact. */
    public Page(List<T> items, long totalItems, int page, int size) {
        this(items, totalItems, page, size, true);
    }

    public long totalPages() {
        return totalItems == 0 ? 0 : (totalItems + size - 1) / size;
    }
}

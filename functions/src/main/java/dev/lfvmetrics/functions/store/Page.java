package dev.lfvmetrics.functions.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the items
 * @param next  opaque token for the next page, null on the last one
 * @param <T>   item type
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }
}

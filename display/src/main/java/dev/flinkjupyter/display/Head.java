package dev.flinkjupyter.display;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The first elements of a sequence, as many as a display shows, and how many there are in all.
 * Reading an iterator takes at most {@code limit + 1} elements, so an unbounded source is never
 * pulled whole: the extra element only tells that there are more.
 *
 * @param <T> the element type
 */
public final class Head<T> {
    private final List<T> elements;
    private final RowCount count;

    private Head(List<T> elements, RowCount count) {
        this.elements = Collections.unmodifiableList(elements);
        this.count = count;
    }

    /**
     * Reads up to {@code limit} elements, then checks whether one more exists (reading it). Does
     * not close the iterator: that is the caller's, who may know how.
     */
    public static <T> Head<T> of(Iterator<? extends T> iterator, int limit) {
        requirePositive(limit);
        List<T> elements = new ArrayList<>(Math.min(limit, 1024));
        while (elements.size() < limit && iterator.hasNext()) {
            elements.add(iterator.next());
        }
        boolean more = iterator.hasNext();
        if (more) {
            iterator.next();
        }
        int shown = elements.size();
        return new Head<>(elements, more ? RowCount.atLeast(shown, shown + 1L) : RowCount.all(shown));
    }

    /** The first {@code limit} elements of a collection, whose size is known. */
    public static <T> Head<T> of(Collection<? extends T> collection, int limit) {
        requirePositive(limit);
        int total = collection.size();
        List<T> elements = new ArrayList<>(Math.min(limit, total));
        for (T element : collection) {
            if (elements.size() == limit) {
                break;
            }
            elements.add(element);
        }
        return new Head<>(elements, RowCount.of(elements.size(), total));
    }

    /** The elements read, at most the limit. */
    public List<T> elements() {
        return elements;
    }

    /** How many were read of how many there are. */
    public RowCount count() {
        return count;
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be at least 1, was " + limit);
        }
    }
}

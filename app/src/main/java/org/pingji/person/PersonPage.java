package org.pingji.person;

import java.util.List;

/**
 * One page of a scoped person list; {@code nextCursor} continues after its last row (null on the
 * last page).
 */
public record PersonPage(List<PersonRow> content, long totalElements, int page, int size, String nextCursor) {

    public int totalPages() {
        return (int) Math.ceilDiv(totalElements, Math.max(1, size));
    }
}

package org.pingji.person;

import java.util.List;

/** One page of a scoped person list. */
public record PersonPage(List<PersonRow> content, long totalElements, int page, int size) {

    public int totalPages() {
        return (int) Math.ceilDiv(totalElements, Math.max(1, size));
    }
}

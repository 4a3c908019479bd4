package org.pingji.access;

import org.pingji.platform.Refusal;

/**
 * What the caller asked for lies outside their jurisdiction (HTTP 404, answered like a
 * nonexistent record so that the outside is not revealed).
 */
public class OutsideJurisdiction extends Refusal {

    public OutsideJurisdiction(String what) {
        super(Kind.NOT_FOUND, "jurisdiction.not_found", "%s 不存在或不在您的辖区内".formatted(what));
    }
}

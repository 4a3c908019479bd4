package org.pingji.status;

import java.time.Instant;

/**
 * A fact that makes a reason apply to a person, written by the module that owns the fact.
 *
 * @param ref identifies the fact within its code (an arrival id, a tube barcode...): writing the
 *     same code and ref again replaces it
 * @param source where the fact comes from, shown to the person (e.g. "来返报备 #12")
 * @param until open when null
 */
public record ReasonFact(
        long personId, ReasonCode code, String ref, String source, Instant since, Instant until, String detail) {}

package org.pingji.warning;

/**
 * The aberration detection methods: CDC EARS C1, C2, C3 (as R {@code surveillance::earsC} 1.20.3
 * computes them), the CIDARS moving percentile, and a fixed threshold (single-case alerts are a
 * threshold of 1).
 */
enum DetectionMethod {
    C1,
    C2,
    C3,
    MPM,
    THRESHOLD
}

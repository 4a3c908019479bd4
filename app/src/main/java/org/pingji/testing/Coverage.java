package org.pingji.testing;

/**
 * 应检尽检 for a region in a round: persons registered in the part of the region the round
 * covers, how many were sampled (first sample), how many have a final result, persons in
 * positive pools, the positive pools themselves, and those not yet sampled.
 */
public record Coverage(
        long roundId,
        String regionCode,
        long registered,
        long sampled,
        long resulted,
        long positivePersons,
        long positivePools,
        long notSampled,
        double sampledRatio) {}

package org.pingji.warning;

/**
 * Sorts 15 longs in place with a fixed network of 59 branch-free compare-exchanges: Batcher's
 * odd-even merge sort of 16 inputs without the pairs touching the 16th (a pad that would always
 * hold the maximum). The same cost whatever the order, where a comparison sort of the MPM baseline
 * sums mispredicts about every other comparison. {@code DetectorTests} checks it on every 0/1
 * input (the 0-1 principle: then it sorts every input).
 */
final class Sort15 {

    private Sort15() {}

    private static void cx(long[] s, int i, int j) {
        long x = s[i];
        long y = s[j];
        s[i] = Math.min(x, y);
        s[j] = Math.max(x, y);
    }

    static void sort(long[] s) {
        if (s.length < 15) {
            throw new IllegalArgumentException("15 values, not " + s.length);
        }
        cx(s, 0, 1);
        cx(s, 2, 3);
        cx(s, 4, 5);
        cx(s, 6, 7);
        cx(s, 8, 9);
        cx(s, 10, 11);
        cx(s, 12, 13);
        cx(s, 0, 2);
        cx(s, 1, 3);
        cx(s, 4, 6);
        cx(s, 5, 7);
        cx(s, 8, 10);
        cx(s, 9, 11);
        cx(s, 12, 14);
        cx(s, 1, 2);
        cx(s, 5, 6);
        cx(s, 9, 10);
        cx(s, 13, 14);
        cx(s, 0, 4);
        cx(s, 1, 5);
        cx(s, 2, 6);
        cx(s, 3, 7);
        cx(s, 8, 12);
        cx(s, 9, 13);
        cx(s, 10, 14);
        cx(s, 2, 4);
        cx(s, 3, 5);
        cx(s, 10, 12);
        cx(s, 11, 13);
        cx(s, 1, 2);
        cx(s, 3, 4);
        cx(s, 5, 6);
        cx(s, 9, 10);
        cx(s, 11, 12);
        cx(s, 13, 14);
        cx(s, 0, 8);
        cx(s, 1, 9);
        cx(s, 2, 10);
        cx(s, 3, 11);
        cx(s, 4, 12);
        cx(s, 5, 13);
        cx(s, 6, 14);
        cx(s, 4, 8);
        cx(s, 5, 9);
        cx(s, 6, 10);
        cx(s, 7, 11);
        cx(s, 2, 4);
        cx(s, 3, 5);
        cx(s, 6, 8);
        cx(s, 7, 9);
        cx(s, 10, 12);
        cx(s, 11, 13);
        cx(s, 1, 2);
        cx(s, 3, 4);
        cx(s, 5, 6);
        cx(s, 7, 8);
        cx(s, 9, 10);
        cx(s, 11, 12);
        cx(s, 13, 14);
    }
}

package org.pingji.grid;

import java.util.List;

/** A grid worker with the micro-grids they keep. */
public record GridWorkerView(
        long id, String username, String name, Employment employment, List<String> microGridCodes) {

    /** Full-time (专职) or part-time (兼职). */
    public enum Employment {
        FULL_TIME,
        PART_TIME
    }
}

package org.pingji.platform;

/**
 * A subtree of the region hierarchy someone may see, given by the materialised path of its root
 * (for example {@code /141029/141029100/}). The shared kernel's view of the caller of a request,
 * so that shared interfaces such as {@link CommandMetric} can scope their answers without
 * depending on the {@code access} module.
 */
public interface Jurisdiction {

    /** Materialised path of the root region, starting and ending in {@code /}. */
    String jurisdictionPath();

    /** True when the region or place at {@code path} lies in this subtree. */
    default boolean covers(String path) {
        return path != null && path.startsWith(jurisdictionPath());
    }
}

package org.pingji.grid;

/**
 * A region of the grid.
 *
 * @param path materialised path of codes from the county down, ending in {@code /}
 */
public record Region(String code, String name, RegionLevel level, String parentCode, String path) {

    /** True when {@code other} is this region or lies below it. */
    public boolean contains(Region other) {
        return other.path.startsWith(path);
    }
}

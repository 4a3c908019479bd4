package org.pingji.grid;

/**
 * A region as a picker offers it: by name, indented by its depth below the caller's top region.
 *
 * @param depth 0 for the top of the jurisdiction, 1 for its children, …
 */
public record RegionChoice(String code, String name, RegionLevel level, int depth) {

    /** The name indented with full-width spaces, so that a plain select shows the tree. */
    public String label() {
        return "\u3000".repeat(depth) + name;
    }
}

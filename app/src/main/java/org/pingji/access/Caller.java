package org.pingji.access;

import java.util.Objects;
import org.pingji.platform.Jurisdiction;

/**
 * The authenticated user behind a request, with the jurisdiction every query is scoped to.
 *
 * @param jurisdictionPath materialised path of the jurisdiction's root region, ending in
 *     {@code /} (for example {@code /141029/141029100/}); a region is inside the
 *     jurisdiction when its path starts with this one
 */
public record Caller(
        long userId, String username, String displayName, Role role, String jurisdictionCode, String jurisdictionPath)
        implements Jurisdiction, java.io.Serializable {

    public Caller {
        Objects.requireNonNull(role, "role");
        if (jurisdictionPath == null || !jurisdictionPath.startsWith("/") || !jurisdictionPath.endsWith("/")) {
            throw new IllegalArgumentException(
                    "Jurisdiction path of %s must start and end with '/': %s".formatted(username, jurisdictionPath));
        }
    }

    public boolean can(Permission permission) {
        return role.can(permission);
    }

    /** Throws {@link AccessRefused} unless the role has the permission. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new AccessRefused(permission);
        }
    }

    /**
     * Throws {@link OutsideJurisdiction} (404) unless the path lies in the jurisdiction; call it
     * after {@link #require}, so that a missing permission is told as such (403).
     *
     * @param what the thing asked for, in Chinese, such as {@code 区域 141029101}
     */
    public void requireCovers(String path, String what) {
        if (!covers(path)) {
            throw new OutsideJurisdiction(what);
        }
    }

    /** The SQL {@code like} pattern that matches every path in the jurisdiction. */
    public String pathPattern() {
        return jurisdictionPath + "%";
    }
}

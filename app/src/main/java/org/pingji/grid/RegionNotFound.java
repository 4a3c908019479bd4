package org.pingji.grid;

import org.pingji.platform.Refusal;

/** No region has the code (HTTP 404). */
public class RegionNotFound extends Refusal {
    public RegionNotFound(String code) {
        super(Kind.NOT_FOUND, "region.not_found", "区域 %s 不存在或不在您的辖区内".formatted(code));
    }
}

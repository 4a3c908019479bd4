package org.pingji.supply;

import java.util.Map;
import org.pingji.platform.Refusal;

/**
 * A supplies operation refused: bad input (400, such as {@code supply.expiry_required}), a missing
 * item, warehouse or requisition (404, {@code supply.not_found}), an approval the caller may not
 * give (403) or a step out of the requisition's order (409, {@code supply.state}).
 */
public class SupplyRefused extends Refusal {

    SupplyRefused(Kind kind, String code, String message) {
        super(kind, "supply." + code, message);
    }

    SupplyRefused(Kind kind, String code, String message, Map<String, ?> extras) {
        super(kind, "supply." + code, message, extras);
    }

    static SupplyRefused invalid(String code, String message) {
        return new SupplyRefused(Kind.INVALID, code, message);
    }

    static SupplyRefused notFound(String what) {
        return new SupplyRefused(Kind.NOT_FOUND, "not_found", "%s 不存在或不在您的辖区内".formatted(what));
    }

    static SupplyRefused conflict(String code, String message) {
        return new SupplyRefused(Kind.CONFLICT, code, message);
    }

    static SupplyRefused forbidden(String code, String message) {
        return new SupplyRefused(Kind.FORBIDDEN, code, message);
    }
}

package org.pingji.access;

import java.util.Locale;
import org.pingji.platform.Refusal;

/**
 * The caller's role does not allow the request (HTTP 403). A missing permission names the action
 * ({@code 无权执行：登记来返人员}) with the code {@code <permission>.forbidden}, such as
 * {@code arrival_record.forbidden}.
 */
public class AccessRefused extends Refusal {

    public AccessRefused(String message) {
        super(Kind.FORBIDDEN, "access.forbidden", message);
    }

    public AccessRefused(Permission missing) {
        super(Kind.FORBIDDEN, missing.name().toLowerCase(Locale.ROOT) + ".forbidden", "无权执行：" + missing.action());
    }
}

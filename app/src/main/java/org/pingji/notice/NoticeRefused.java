package org.pingji.notice;

import org.pingji.platform.Refusal;

/**
 * A notice or venue request refused: bad input (400), approving one's own notice (403), a notice
 * or place outside the jurisdiction or not addressed to the caller (404), a step the state does not
 * allow or a full slot (409).
 */
public class NoticeRefused extends Refusal {

    NoticeRefused(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static NoticeRefused invalid(String code, String message) {
        return new NoticeRefused(Kind.INVALID, "notice." + code, message);
    }

    static NoticeRefused forbidden(String code, String message) {
        return new NoticeRefused(Kind.FORBIDDEN, "notice." + code, message);
    }

    static NoticeRefused notFound(String what) {
        return new NoticeRefused(Kind.NOT_FOUND, "notice.not_found", what + "不存在或不在管辖范围内");
    }

    static NoticeRefused conflict(String code, String message) {
        return new NoticeRefused(Kind.CONFLICT, "notice." + code, message);
    }
}

package org.pingji.notice;

/**
 * The kinds of notice: the "六个一" of the county's publicity network (一封信、一公告、一倡议、一责任、
 * 一通告、一指南) and free notices. Each kind has a template (title and body in the messages, keys
 * {@code notice.template.<KIND>.title/body}) that the write form starts from.
 */
public enum NoticeKind {
    LETTER,
    ANNOUNCEMENT,
    INITIATIVE,
    RESPONSIBILITY,
    NOTICE,
    GUIDE,
    OTHER;

    /** Message key of the kind's Chinese name (一封信 …). */
    public String labelKey() {
        return "notice.kind." + name();
    }

    public String templateTitleKey() {
        return "notice.template." + name() + ".title";
    }

    public String templateBodyKey() {
        return "notice.template." + name() + ".body";
    }
}

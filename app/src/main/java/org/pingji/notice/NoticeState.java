package org.pingji.notice;

/**
 * A notice's lifecycle after the Common Alerting Protocol: written as a DRAFT, PUBLISHED once a
 * second person approves it, UPDATED by later approved versions, then CANCELLED (withdrawn, never
 * shown as in force again) or ALL_CLEAR (the situation it was about is over).
 */
public enum NoticeState {
    DRAFT,
    PUBLISHED,
    UPDATED,
    CANCELLED,
    ALL_CLEAR;

    /** True while the notice applies: published or updated, neither cancelled nor all-clear. */
    public boolean inForce() {
        return this == PUBLISHED || this == UPDATED;
    }

    /** True once it has been published (whatever happened after). */
    public boolean published() {
        return this != DRAFT;
    }

    public String labelKey() {
        return "notice.state." + name();
    }
}

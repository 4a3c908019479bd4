package org.pingji.command;

/** 平时 / 战时: the county's (or a township's) operating mode. */
public enum Mode {
    NORMAL,
    EMERGENCY;

    /** Message key of the Chinese/English label. */
    public String labelKey() {
        return "command.mode." + name();
    }
}

package org.pingji.access;

/** What a role may do; checked by facades, never only by hiding a button. */
public enum Permission {
    /** Read regions, places and roll-up counts inside the jurisdiction. */
    REGION_READ,
    /** List and read persons and households (masked) inside the jurisdiction. */
    LEDGER_READ,
    /** Import ledgers from Excel into the jurisdiction. */
    LEDGER_IMPORT,
    /** Export ledgers to Excel (audited). */
    LEDGER_EXPORT,
    /** See a full resident ID or phone number (audited). */
    UNMASK,
    /** Open and close testing rounds, open tables and assign samplers. */
    ROUND_MANAGE,
    /** Scan persons into tubes, seal tubes and pack transport boxes at a sampling table. */
    SAMPLE,
    /** Receive transport boxes and report tube results. */
    LAB_REPORT,
    /** Browse the audit log and manage users. */
    ADMINISTER,
    /** Switch the normal/emergency mode, confirm a switch (second co-leader) and edit emergency plans. */
    COMMAND_MODE,
    /** Issue directives to regions or task groups below the caller's own level. */
    DIRECTIVE_ISSUE,
    /** Acknowledge and complete directives addressed to the caller's region. */
    DIRECTIVE_RESPOND,
    /** Fill in the daily report of a region in the jurisdiction. */
    REPORT_FILL,
    /** Keep the duty roster and duty log, handle alerts, record drills. */
    DUTY
}

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
    /** Browse the audit log and manage users. */
    ADMINISTER
}

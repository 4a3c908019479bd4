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
    /** Manage quarantine sites, rooms and placements; release (and approve release overrides). */
    QUARANTINE_MANAGE,
    /** Record temperature and symptom checks of persons under quarantine or monitoring. */
    HEALTH_CHECK,
    /** Cases, investigations, contacts, itineraries and exposure matching (流调). */
    TRACE,
    /** Scan persons in at a venue's place code (场所码). */
    CHECK_IN
}

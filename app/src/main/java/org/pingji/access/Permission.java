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
    /** Preview and apply risk-area notices, edit risk areas by hand. */
    RISK_MANAGE,
    /** Read a person's health status with its reasons (staff, in the jurisdiction). */
    STATUS_READ,
    /** Request or approve a manual status override (two different users, both audited). */
    STATUS_OVERRIDE,
    /** Run a checkpoint desk: check travellers' four codes and record passages. */
    CHECKPOINT_CHECK,
    /** Record arrivals (来返报备) for residents and follow the measures they require. */
    ARRIVAL_RECORD,
    /** Open point-to-point transfers and sign handover receipts. */
    TRANSFER_HANDLE,
    /** Run spatiotemporal-companion detection and read its runs and results (full phones, audited). */
    COMPANION_RUN,
    /** See and record the caller's own companion follow-ups (locate, two tests, clear or escalate). */
    COMPANION_FOLLOW_UP,
    /** Browse the audit log and manage users. */
    ADMINISTER,
    /** Manage quarantine sites, rooms and placements; release (and approve release overrides). */
    QUARANTINE_MANAGE,
    /** Record temperature and symptom checks of persons under quarantine or monitoring. */
    HEALTH_CHECK,
    /** Cases, investigations, contacts, itineraries and exposure matching (流调). */
    TRACE,
    /** Scan persons in at a venue's place code (场所码). */
    CHECK_IN,
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

package org.pingji.access;

import static org.pingji.access.Permission.COMMAND_MODE;
import static org.pingji.access.Permission.DIRECTIVE_ISSUE;
import static org.pingji.access.Permission.DIRECTIVE_RESPOND;
import static org.pingji.access.Permission.DUTY;
import static org.pingji.access.Permission.LAB_REPORT;
import static org.pingji.access.Permission.LEDGER_EXPORT;
import static org.pingji.access.Permission.LEDGER_IMPORT;
import static org.pingji.access.Permission.LEDGER_READ;
import static org.pingji.access.Permission.REGION_READ;
import static org.pingji.access.Permission.REPORT_FILL;
import static org.pingji.access.Permission.ROUND_MANAGE;
import static org.pingji.access.Permission.SAMPLE;
import static org.pingji.access.Permission.UNMASK;

import java.util.EnumSet;
import java.util.Set;

/** The roles of the county's prevention work, each with its fixed set of permissions. */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    COUNTY_COMMANDER(EnumSet.of(
            REGION_READ,
            LEDGER_READ,
            LEDGER_IMPORT,
            LEDGER_EXPORT,
            UNMASK,
            ROUND_MANAGE,
            COMMAND_MODE,
            DIRECTIVE_ISSUE,
            REPORT_FILL,
            DUTY)),
    TOWNSHIP_OFFICER(EnumSet.of(
            REGION_READ,
            LEDGER_READ,
            LEDGER_IMPORT,
            LEDGER_EXPORT,
            UNMASK,
            ROUND_MANAGE,
            DIRECTIVE_ISSUE,
            DIRECTIVE_RESPOND,
            REPORT_FILL)),
    VILLAGE_OFFICER(
            EnumSet.of(REGION_READ, LEDGER_READ, LEDGER_IMPORT, LEDGER_EXPORT, UNMASK, DIRECTIVE_RESPOND, REPORT_FILL)),
    GRID_WORKER(EnumSet.of(REGION_READ, LEDGER_READ, LEDGER_IMPORT, LEDGER_EXPORT, UNMASK, REPORT_FILL)),
    SAMPLER(EnumSet.of(REGION_READ, SAMPLE)),
    LAB(EnumSet.of(REGION_READ, LAB_REPORT)),
    CHECKPOINT_STAFF(EnumSet.of(REGION_READ)),
    EPIDEMIOLOGIST(EnumSet.of(REGION_READ, LEDGER_READ, LEDGER_EXPORT, UNMASK)),
    QUARANTINE_MANAGER(EnumSet.of(REGION_READ, LEDGER_READ)),
    INSPECTOR(EnumSet.of(REGION_READ)),
    SUPPLIES_OFFICER(EnumSet.of(REGION_READ)),
    DUTY_OFFICER(EnumSet.of(REGION_READ, LEDGER_READ, DUTY)),
    RESIDENT(EnumSet.noneOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** Message key of the role's Chinese/English label. */
    public String labelKey() {
        return "role." + name();
    }
}

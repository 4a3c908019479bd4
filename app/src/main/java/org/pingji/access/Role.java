package org.pingji.access;

import static org.pingji.access.Permission.CHECK_IN;
import static org.pingji.access.Permission.HEALTH_CHECK;
import static org.pingji.access.Permission.LAB_REPORT;
import static org.pingji.access.Permission.LEDGER_EXPORT;
import static org.pingji.access.Permission.LEDGER_IMPORT;
import static org.pingji.access.Permission.LEDGER_READ;
import static org.pingji.access.Permission.QUARANTINE_MANAGE;
import static org.pingji.access.Permission.REGION_READ;
import static org.pingji.access.Permission.ROUND_MANAGE;
import static org.pingji.access.Permission.SAMPLE;
import static org.pingji.access.Permission.TRACE;
import static org.pingji.access.Permission.UNMASK;

import java.util.EnumSet;
import java.util.Set;

/** The roles of the county's prevention work, each with its fixed set of permissions. */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    COUNTY_COMMANDER(EnumSet.of(REGION_READ, LEDGER_READ, LEDGER_IMPORT, LEDGER_EXPORT, UNMASK, ROUND_MANAGE)),
    TOWNSHIP_OFFICER(
            EnumSet.of(REGION_READ, LEDGER_READ, LEDGER_IMPORT, LEDGER_EXPORT, UNMASK, ROUND_MANAGE, HEALTH_CHECK)),
    VILLAGE_OFFICER(EnumSet.of(REGION_READ, LEDGER_READ, LEDGER_IMPORT, LEDGER_EXPORT, UNMASK)),
    GRID_WORKER(EnumSet.of(REGION_READ, LEDGER_READ, LEDGER_IMPORT, LEDGER_EXPORT, UNMASK, HEALTH_CHECK, CHECK_IN)),
    SAMPLER(EnumSet.of(REGION_READ, SAMPLE)),
    LAB(EnumSet.of(REGION_READ, LAB_REPORT)),
    CHECKPOINT_STAFF(EnumSet.of(REGION_READ, CHECK_IN)),
    EPIDEMIOLOGIST(EnumSet.of(REGION_READ, LEDGER_READ, LEDGER_EXPORT, UNMASK, TRACE, CHECK_IN)),
    QUARANTINE_MANAGER(EnumSet.of(REGION_READ, LEDGER_READ, QUARANTINE_MANAGE, HEALTH_CHECK)),
    INSPECTOR(EnumSet.of(REGION_READ)),
    SUPPLIES_OFFICER(EnumSet.of(REGION_READ)),
    DUTY_OFFICER(EnumSet.of(REGION_READ, LEDGER_READ)),
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

package org.pingji.access;

import static org.pingji.access.Permission.ALARM_HANDLE;
import static org.pingji.access.Permission.ARRIVAL_RECORD;
import static org.pingji.access.Permission.BROADCAST_CONFIRM;
import static org.pingji.access.Permission.CHECKPOINT_CHECK;
import static org.pingji.access.Permission.CHECK_IN;
import static org.pingji.access.Permission.COMMAND_MODE;
import static org.pingji.access.Permission.COMPANION_FOLLOW_UP;
import static org.pingji.access.Permission.COMPANION_RUN;
import static org.pingji.access.Permission.DIRECTIVE_ISSUE;
import static org.pingji.access.Permission.DIRECTIVE_RESPOND;
import static org.pingji.access.Permission.DUTY;
import static org.pingji.access.Permission.HEALTH_CHECK;
import static org.pingji.access.Permission.INSPECT;
import static org.pingji.access.Permission.INSPECTION_MANAGE;
import static org.pingji.access.Permission.LAB_REPORT;
import static org.pingji.access.Permission.LEDGER_EXPORT;
import static org.pingji.access.Permission.LEDGER_IMPORT;
import static org.pingji.access.Permission.LEDGER_READ;
import static org.pingji.access.Permission.NOTICE_APPROVE;
import static org.pingji.access.Permission.NOTICE_WRITE;
import static org.pingji.access.Permission.PERSON_MERGE;
import static org.pingji.access.Permission.PUBLICITY_MANAGE;
import static org.pingji.access.Permission.QUARANTINE_MANAGE;
import static org.pingji.access.Permission.REGION_READ;
import static org.pingji.access.Permission.REPORT_FILL;
import static org.pingji.access.Permission.RISK_MANAGE;
import static org.pingji.access.Permission.ROUND_MANAGE;
import static org.pingji.access.Permission.SAMPLE;
import static org.pingji.access.Permission.SENSOR_MANAGE;
import static org.pingji.access.Permission.SIGNAL_ANALYSE;
import static org.pingji.access.Permission.SIGNAL_REPORT;
import static org.pingji.access.Permission.SIGNAL_RESPOND;
import static org.pingji.access.Permission.STATUS_OVERRIDE;
import static org.pingji.access.Permission.STATUS_READ;
import static org.pingji.access.Permission.SUPPLY_APPROVE;
import static org.pingji.access.Permission.SUPPLY_MANAGE;
import static org.pingji.access.Permission.SUPPLY_REQUEST;
import static org.pingji.access.Permission.TRACE;
import static org.pingji.access.Permission.TRANSFER_HANDLE;
import static org.pingji.access.Permission.UNMASK;
import static org.pingji.access.Permission.VISIT_MANAGE;
import static org.pingji.access.Permission.VISIT_RECORD;

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
            RISK_MANAGE,
            STATUS_READ,
            STATUS_OVERRIDE,
            COMMAND_MODE,
            DIRECTIVE_ISSUE,
            REPORT_FILL,
            DUTY,
            VISIT_MANAGE,
            PERSON_MERGE,
            INSPECTION_MANAGE,
            SUPPLY_APPROVE,
            NOTICE_WRITE,
            NOTICE_APPROVE,
            PUBLICITY_MANAGE)),
    TOWNSHIP_OFFICER(EnumSet.of(
            REGION_READ,
            LEDGER_READ,
            LEDGER_IMPORT,
            LEDGER_EXPORT,
            UNMASK,
            ROUND_MANAGE,
            STATUS_READ,
            ARRIVAL_RECORD,
            HEALTH_CHECK,
            DIRECTIVE_ISSUE,
            DIRECTIVE_RESPOND,
            REPORT_FILL,
            VISIT_MANAGE,
            PERSON_MERGE,
            INSPECT,
            SUPPLY_REQUEST,
            NOTICE_WRITE)),
    VILLAGE_OFFICER(EnumSet.of(
            REGION_READ,
            LEDGER_READ,
            LEDGER_IMPORT,
            LEDGER_EXPORT,
            UNMASK,
            STATUS_READ,
            ARRIVAL_RECORD,
            DIRECTIVE_RESPOND,
            REPORT_FILL,
            VISIT_MANAGE,
            VISIT_RECORD,
            PERSON_MERGE,
            SUPPLY_REQUEST,
            BROADCAST_CONFIRM)),
    GRID_WORKER(EnumSet.of(
            REGION_READ,
            LEDGER_READ,
            LEDGER_IMPORT,
            LEDGER_EXPORT,
            UNMASK,
            STATUS_READ,
            ARRIVAL_RECORD,
            HEALTH_CHECK,
            CHECK_IN,
            COMPANION_FOLLOW_UP,
            REPORT_FILL,
            VISIT_RECORD)),
    SAMPLER(EnumSet.of(REGION_READ, SAMPLE)),
    LAB(EnumSet.of(REGION_READ, LAB_REPORT)),
    CHECKPOINT_STAFF(EnumSet.of(REGION_READ, STATUS_READ, CHECKPOINT_CHECK, ARRIVAL_RECORD, TRANSFER_HANDLE, CHECK_IN)),
    EPIDEMIOLOGIST(EnumSet.of(
            REGION_READ,
            LEDGER_READ,
            LEDGER_EXPORT,
            UNMASK,
            STATUS_READ,
            STATUS_OVERRIDE,
            TRACE,
            CHECK_IN,
            COMPANION_RUN,
            SIGNAL_REPORT,
            SIGNAL_ANALYSE,
            SIGNAL_RESPOND)),
    QUARANTINE_MANAGER(EnumSet.of(
            REGION_READ, LEDGER_READ, STATUS_READ, TRANSFER_HANDLE, QUARANTINE_MANAGE, HEALTH_CHECK, SUPPLY_REQUEST)),
    INSPECTOR(EnumSet.of(REGION_READ, INSPECTION_MANAGE, INSPECT)),
    SUPPLIES_OFFICER(EnumSet.of(REGION_READ, SUPPLY_MANAGE, SUPPLY_REQUEST, SUPPLY_APPROVE)),
    DUTY_OFFICER(EnumSet.of(
            REGION_READ, LEDGER_READ, STATUS_READ, DUTY, SIGNAL_ANALYSE, SIGNAL_RESPOND, SENSOR_MANAGE, ALARM_HANDLE)),
    /** 监测哨点: a pharmacy, clinic or school that reports its daily counts, nothing else. */
    REPORTER(EnumSet.of(SIGNAL_REPORT)),
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

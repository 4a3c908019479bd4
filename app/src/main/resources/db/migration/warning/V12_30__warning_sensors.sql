-- Early warning (监测预警), part 3: sensors, readings and alarms.
-- Readings are a time series partitioned by day (declarative range partitions on the reading's
-- time, created ahead by a job and on demand); the key (sensor, time) makes a duplicate delivery
-- store nothing twice (insert ... on conflict do nothing).

create table warning.sensors (
    code          text primary key check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    kind          text        not null
        check (kind in ('METHANE', 'CO', 'GAS_LEL', 'WATER_LEVEL', 'TEMPERATURE', 'PEOPLE_COUNT')),
    region_code   text        not null,
    path          text collate "C" not null,
    site          text        not null,
    capacity      integer check (capacity is null or capacity > 0),
    unit          text        not null,
    poll_seconds  integer     not null check (poll_seconds between 1 and 86400),
    warning_at    double precision,
    alarm_at      double precision,
    cut_at        double precision,
    clear_below   double precision,
    registered_by text        not null,
    registered_at timestamptz not null
);
create index sensors_subtree on warning.sensors (path text_pattern_ops);

create table warning.readings (
    sensor_code text             not null,
    at          timestamptz      not null,
    value       double precision not null,
    received_at timestamptz      not null,
    flag        text check (flag in ('LATE', 'FUTURE', 'FAULT')),
    primary key (sensor_code, at)
) partition by range (at);

-- Messages that could not become a reading: not JSON, no value, an unknown sensor.
create table warning.intake_problems (
    problem      text        not null check (problem in ('NOT_JSON', 'NO_VALUE', 'UNKNOWN_SENSOR', 'BAD_TIME')),
    sensor_code  text        not null,
    count        bigint      not null,
    last_at      timestamptz not null,
    last_payload text        not null,
    primary key (problem, sensor_code)
);

create table warning.alarms (
    id           bigserial primary key,
    sensor_code  text             not null references warning.sensors (code),
    condition    text             not null check (condition in ('THRESHOLD', 'STALE', 'FAULT')),
    level        text             not null check (level in ('WARNING', 'ALARM', 'POWER_CUT', 'STALE', 'FAULT')),
    value        double precision,
    peak         double precision,
    path         text collate "C" not null,
    raised_at    timestamptz      not null,
    assignee     text,
    leader       text,
    state        text             not null default 'OPEN'
        check (state in ('OPEN', 'ACKNOWLEDGED', 'CLEARED', 'DISPOSED')),
    acked_by     text,
    acked_at     timestamptz,
    cleared_at   timestamptz,
    escalation   integer          not null default 0,
    escalated_to text,
    disposed_by  text,
    disposed_at  timestamptz,
    disposal     text
);
-- One active alarm per sensor and condition.
create unique index alarms_active on warning.alarms (sensor_code, condition) where state in ('OPEN', 'ACKNOWLEDGED');
create index alarms_subtree on warning.alarms (path text_pattern_ops, raised_at desc);
create index alarms_open on warning.alarms (raised_at) where state = 'OPEN';

-- Everything that happened to an alarm: raised, level up, acknowledged, escalated, cleared, disposed.
create table warning.alarm_events (
    id       bigserial primary key,
    alarm_id bigint      not null references warning.alarms (id),
    at       timestamptz not null,
    event    text        not null
        check (event in ('RAISED', 'LEVEL_UP', 'ACKNOWLEDGED', 'ESCALATED', 'CLEARED', 'DISPOSED')),
    actor    text,
    target   text,
    note     text
);
create index alarm_events_of on warning.alarm_events (alarm_id, at);

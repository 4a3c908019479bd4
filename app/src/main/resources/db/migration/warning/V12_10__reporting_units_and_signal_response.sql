-- Early warning, part 1 (continued): reporting units and their completeness, detection settings
-- per signal and region level, and the signals raised by detection with their response steps.

-- A count is entered by a reporting unit (a pharmacy, a clinic, a school) for its region, or by
-- the platform (unit ''); two units in one township each keep their own count, and the region's
-- series is still the sum over its subtree.
alter table warning.counts add column unit_code text not null default '';
alter table warning.counts drop constraint counts_pkey;
alter table warning.counts add primary key (signal, region_code, day, unit_code);

create table warning.reporting_units (
    code        text primary key check (code ~ '^[A-Za-z0-9_-]{2,40}$'),
    name        text        not null,
    kind        text        not null check (kind in ('PHARMACY', 'CLINIC', 'SCHOOL')),
    region_code text        not null,
    path        text collate "C" not null,
    signals     text[]      not null,
    reporter    text,
    created_at  timestamptz not null default now()
);
create index reporting_units_path on warning.reporting_units (path text_pattern_ops);
create index reporting_units_reporter on warning.reporting_units (reporter);

-- Which detection runs for a signal at a region level: method, alpha (EARS), threshold (fixed).
create table warning.signal_settings (
    signal    text             not null references warning.signals (name),
    level     text             not null check (level in ('COUNTY', 'TOWNSHIP', 'VILLAGE', 'GRID', 'MICRO_GRID')),
    method    text             not null check (method in ('C1', 'C2', 'C3', 'MPM', 'THRESHOLD')),
    alpha     double precision not null default 0.001 check (alpha > 0 and alpha < 1),
    threshold integer          not null default 1 check (threshold >= 1),
    active    boolean          not null default true,
    primary key (signal, level, method)
);

insert into warning.signal_settings (signal, level, method)
select name, 'TOWNSHIP', 'C2' from warning.signals where category in ('PHARMACY', 'CLINIC');
insert into warning.signal_settings (signal, level, method, active)
select name, 'TOWNSHIP', 'C1', false from warning.signals where category in ('PHARMACY', 'CLINIC');
insert into warning.signal_settings (signal, level, method, active)
select name, 'COUNTY', 'C3', true from warning.signals where category in ('PHARMACY', 'CLINIC', 'SCHOOL');
insert into warning.signal_settings (signal, level, method, threshold)
values ('new_positives', 'TOWNSHIP', 'THRESHOLD', 1);

-- One signal (预警信号) per signal, region and day, whichever methods alarmed (de-duplicated);
-- the response: acknowledged → verified (初步核实) → dismissed, or escalated (疑似事件) → closed.
create table warning.alerts (
    id             bigserial primary key,
    signal         text             not null references warning.signals (name),
    region_code    text             not null,
    path           text collate "C" not null,
    level          text             not null,
    day            date             not null,
    methods        text[]           not null,
    observed       bigint           not null,
    upper_bound    double precision not null,
    score          double precision not null,
    state          text             not null default 'OPEN'
        check (state in ('OPEN', 'ACKNOWLEDGED', 'VERIFIED', 'DISMISSED', 'ESCALATED', 'CLOSED')),
    duty_unit      text,
    assignee       text,
    raised_at      timestamptz      not null,
    answered_at    timestamptz,
    verify_note    text,
    reason         text,
    event_note     text,
    outcome        text,
    version        integer          not null default 0,
    unique (signal, region_code, day)
);
create index alerts_path on warning.alerts (path text_pattern_ops, state);

create table warning.alert_steps (
    alert_id bigint      not null references warning.alerts (id),
    step     text        not null,
    at       timestamptz not null,
    by_user  text        not null,
    note     text
);
create index alert_steps_alert on warning.alert_steps (alert_id, at);

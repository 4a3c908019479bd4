-- Command (指挥调度): normal/emergency mode, emergency plans with task groups, directives sent
-- down the hierarchy, daily reports rolled up the hierarchy, duty rosters and log, drills, alerts.

-- Every request to switch a scope (the county or a township) to a mode. A switch is in force once
-- confirmed (by the second co-leader when confirmation is required); the latest one in force is
-- the scope's mode.
create table command.mode_switches (
    id            bigserial primary key,
    scope_code    text        not null,
    scope_path    text collate "C" not null,
    mode          text        not null check (mode in ('NORMAL', 'EMERGENCY')),
    reason        text        not null,
    requested_by  text        not null,
    requested_at  timestamptz not null,
    confirmed_by  text,
    confirmed_at  timestamptz,
    status        text        not null check (status in ('PENDING', 'IN_FORCE', 'CANCELLED'))
);
create index mode_switches_scope on command.mode_switches (scope_code, id desc);
create unique index mode_switches_one_pending on command.mode_switches (scope_code) where status = 'PENDING';

create table command.plans (
    id          bigserial primary key,
    name        text        not null,
    trigger_mode text       not null check (trigger_mode in ('NORMAL', 'EMERGENCY')),
    description text,
    updated_by  text        not null,
    updated_at  timestamptz not null
);

create table command.task_groups (
    id        bigserial primary key,
    plan_id   bigint  not null references command.plans (id),
    position  integer not null,
    name      text    not null,
    duties    text    not null default '',
    leader    text    not null default '',
    contact   text    not null default '',
    members   text    not null default ''
);
create index task_groups_plan on command.task_groups (plan_id, position);

-- First actions of a group: each becomes a task with deadline (activation time + due_hours).
create table command.group_actions (
    id        bigserial primary key,
    group_id  bigint  not null references command.task_groups (id),
    position  integer not null,
    text      text    not null,
    due_hours integer not null check (due_hours between 1 and 720)
);

create table command.activations (
    id             bigserial primary key,
    plan_id        bigint      not null references command.plans (id),
    scope_code     text        not null,
    mode_switch_id bigint      references command.mode_switches (id),
    activated_at   timestamptz not null,
    ended_at       timestamptz
);

create table command.tasks (
    id            bigserial primary key,
    activation_id bigint      not null references command.activations (id),
    group_id      bigint      not null references command.task_groups (id),
    text          text        not null,
    deadline      timestamptz not null,
    done_at       timestamptz,
    done_by       text,
    note          text
);
create index tasks_activation on command.tasks (activation_id, group_id);

create table command.directives (
    id             bigserial primary key,
    title          text        not null,
    body           text        not null,
    issuer         text        not null,
    issuer_code    text        not null,
    issuer_path    text collate "C" not null,
    issued_at      timestamptz not null,
    deadline       timestamptz not null,
    response_required boolean  not null default true
);

-- One row per addressed region (or task group, with the county as its region).
create table command.directive_recipients (
    directive_id    bigint not null references command.directives (id),
    region_code     text   not null,
    path            text collate "C" not null,
    group_id        bigint references command.task_groups (id),
    acknowledged_at timestamptz,
    acknowledged_by text,
    done_at         timestamptz,
    done_by         text,
    done_text       text,
    escalated_at    timestamptz,
    primary key (directive_id, region_code)
);
create index directive_recipients_path on command.directive_recipients (path);
create index directive_recipients_open on command.directive_recipients (directive_id) where done_at is null;

create table command.directive_attachments (
    id            bigserial primary key,
    directive_id  bigint      not null,
    region_code   text        not null,
    filename      text        not null,
    content_type  text,
    content       bytea       not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null,
    foreign key (directive_id, region_code) references command.directive_recipients (directive_id, region_code)
);

-- The county's daily report form: integer fields are summed up the hierarchy.
create table command.report_fields (
    key       text primary key,
    position  integer not null,
    label     text    not null,
    kind      text    not null check (kind in ('INTEGER', 'TEXT')),
    min_value bigint,
    max_value bigint
);

create table command.daily_reports (
    report_date  date        not null,
    region_code  text        not null,
    path         text collate "C" not null,
    fields       jsonb       not null,
    submitted_by text        not null,
    submitted_at timestamptz not null,
    late         boolean     not null,
    primary key (report_date, region_code)
);
create index daily_reports_path on command.daily_reports (report_date, path);

create table command.duty_shifts (
    id            bigserial primary key,
    unit_code     text        not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    officer       text        not null,
    leader        text        not null,
    phone         text,
    handover_note text,
    handed_over_at timestamptz,
    check (ends_at > starts_at)
);
create index duty_shifts_unit on command.duty_shifts (unit_code, starts_at);

create table command.duty_log (
    id        bigserial primary key,
    unit_code text        not null,
    at        timestamptz not null,
    author    text        not null,
    kind      text        not null check (kind in ('NOTE', 'CALL', 'ALERT', 'HANDOVER')),
    text      text        not null
);
create index duty_log_unit on command.duty_log (unit_code, at desc);

-- Alerts for the command and the duty officer on duty when raised (overdue directives, missing reports, ...).
create table command.alerts (
    id           bigserial primary key,
    kind         text        not null,
    region_code  text        not null,
    path         text collate "C" not null,
    message      text        not null,
    raised_at    timestamptz not null,
    target       text,
    subject      text        not null,
    handled_at   timestamptz,
    handled_by   text,
    unique (kind, subject)
);
create index alerts_path on command.alerts (path, raised_at desc);

create table command.drills (
    id           bigserial primary key,
    name         text        not null,
    scenario     text        not null,
    region_code  text        not null,
    path         text collate "C" not null,
    planned_at   timestamptz not null,
    started_at   timestamptz,
    ended_at     timestamptz,
    participants integer     not null default 0 check (participants >= 0),
    findings     text,
    created_by   text        not null,
    created_at   timestamptz not null
);
create index drills_path on command.drills (path, planned_at desc);

-- Quarantine: central sites (grid places of kind QUARANTINE_SITE) with rooms and staff,
-- placements (CENTRAL in a room, or HOME), tests on the edition's test days, twice-daily
-- health checks, alerts (fever, missed checks, door sensor) and release.
create schema if not exists quarantine;

create table quarantine.sites (
    place_id        bigint primary key,
    name            text not null,
    micro_grid_code text not null,
    path            text collate "C" not null
);

create table quarantine.rooms (
    id       bigserial primary key,
    site_id  bigint not null references quarantine.sites (place_id),
    number   text not null,
    unique (site_id, number)
);

create table quarantine.staff (
    id       bigserial primary key,
    site_id  bigint not null references quarantine.sites (place_id),
    name     text not null,
    duty     text not null
);

create table quarantine.placements (
    id               bigserial primary key,
    person_id        bigint not null,
    person_name      text not null,
    path             text collate "C" not null,
    kind             text not null check (kind in ('CENTRAL', 'HOME')),
    exposure         text not null,
    site_id          bigint references quarantine.sites (place_id),
    room_id          bigint references quarantine.rooms (id),
    start_at         timestamptz not null,
    planned_end      timestamptz not null,
    quarantine_days  int not null,
    test_days        int[] not null,
    monitoring_days  int not null,
    edition          text not null,
    status           text not null default 'ACTIVE' check (status in ('ACTIVE', 'RELEASED')),
    token            text not null unique,
    referred_at      timestamptz,
    released_at      timestamptz,
    release_note     text,
    override_reason  text,
    override_by      text,
    override_at      timestamptz,
    approved_by      text,
    created_by       text not null,
    created_at       timestamptz not null,
    check ((kind = 'CENTRAL') = (site_id is not null)),
    check (room_id is null or site_id is not null)
);
-- One active placement per person and one person per room.
create unique index placements_active_person on quarantine.placements (person_id) where status = 'ACTIVE';
create unique index placements_active_room on quarantine.placements (room_id) where status = 'ACTIVE' and room_id is not null;
create index placements_path on quarantine.placements (path, status);
create index placements_site on quarantine.placements (site_id, status);

create table quarantine.tests (
    placement_id bigint not null references quarantine.placements (id),
    day          int not null,
    result       text not null check (result in ('NEGATIVE', 'POSITIVE')),
    sampled_at   timestamptz not null,
    recorded_by  text not null,
    primary key (placement_id, day)
);

create table quarantine.checks (
    id           bigserial primary key,
    placement_id bigint not null references quarantine.placements (id),
    at           timestamptz not null,
    slot_date    date not null,
    slot         smallint not null,
    temperature  numeric(4, 1) not null check (temperature between 30 and 45),
    symptoms     text[] not null,
    abnormal     boolean not null,
    source       text not null check (source in ('SELF', 'STAFF')),
    recorded_by  text
);
create index checks_slot on quarantine.checks (placement_id, slot_date, slot);

-- Alerts are idempotent per (placement, kind, key): the escalation job may run twice.
create table quarantine.alerts (
    id            bigserial primary key,
    placement_id  bigint not null references quarantine.placements (id),
    person_id     bigint not null,
    kind          text not null check (kind in ('FEVER', 'MISSED_CHECK', 'DOOR')),
    level         text not null check (level in ('GRID_WORKER', 'TOWNSHIP', 'SITE')),
    alert_key     text not null,
    target_path   text collate "C" not null,
    detail        text not null,
    raised_at     timestamptz not null,
    acknowledged_by text,
    acknowledged_at timestamptz,
    unique (placement_id, kind, level, alert_key)
);
create index alerts_target on quarantine.alerts (target_path, raised_at desc);

create table quarantine.door_events (
    id           bigserial primary key,
    placement_id bigint not null references quarantine.placements (id),
    sensor_id    text not null,
    event        text not null check (event in ('OPEN', 'CLOSE')),
    at           timestamptz not null,
    received_at  timestamptz not null
);
create index door_events_placement on quarantine.door_events (placement_id, at);

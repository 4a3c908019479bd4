-- Arrivals (来返报备): who came from where, when, by what; the exposure and the measures the
-- policy edition required, and the grid worker's tasks that follow from them.
create schema if not exists arrival;

create table arrival.arrivals (
    id             bigserial primary key,
    person_id      bigint not null,
    path           text collate "C" not null,
    micro_grid_code text not null,
    origin_text    text not null,
    origin_code    text collate "C" not null,
    route          text not null default '',
    transport      text not null,
    departed_at    timestamptz not null,
    arrived_at     timestamptz not null,
    reported_via   text not null check (reported_via in ('SELF', 'CHECKPOINT', 'GRID')),
    reported_by    text not null,
    exposure       text not null,
    risk_area      text not null default '',
    policy_edition text not null,
    created_at     timestamptz not null,
    check (arrived_at >= departed_at)
);
create index arrivals_origin on arrival.arrivals (origin_code, arrived_at);
create index arrivals_person on arrival.arrivals (person_id, arrived_at);
create index arrivals_path on arrival.arrivals (path, arrived_at);

create table arrival.tasks (
    id          bigserial primary key,
    arrival_id  bigint not null references arrival.arrivals (id),
    person_id   bigint not null,
    path        text collate "C" not null,
    kind        text not null check (kind in ('CENTRAL_QUARANTINE', 'HOME_QUARANTINE', 'TEST', 'MONITORING')),
    day         int not null default 0,
    due         timestamptz not null,
    until       timestamptz,
    policy_edition text not null,
    done_at     timestamptz,
    done_by     text,
    outcome     text,
    unique (arrival_id, kind, day)
);
create index tasks_path on arrival.tasks (path, due) where done_at is null;

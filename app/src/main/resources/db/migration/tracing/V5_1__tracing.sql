-- Tracing (流调): cases, investigation milestones, itineraries, contacts, venue check-ins and
-- the review of candidate contacts found by exposure matching.
create schema if not exists tracing;

create table tracing.cases (
    id               bigserial primary key,
    person_id        bigint not null,
    person_name      text not null,
    path             text collate "C" not null,
    classification   text not null check (classification in ('CONFIRMED', 'ASYMPTOMATIC')),
    onset_at         timestamptz,
    confirmed_at     timestamptz not null,
    source           text not null,
    source_key       text unique,
    cluster_id       bigint not null,
    infected_by      bigint references tracing.cases (id),
    initial_report_at     timestamptz,
    trajectory_at         timestamptz,
    preliminary_report_at timestamptz,
    created_by       text not null,
    created_at       timestamptz not null
);
create unique index cases_person on tracing.cases (person_id);
create index cases_path on tracing.cases (path, id);
create index cases_cluster on tracing.cases (cluster_id);

create table tracing.itinerary (
    id         bigserial primary key,
    case_id    bigint not null references tracing.cases (id),
    place_id   bigint not null,
    place_name text not null,
    from_at    timestamptz not null,
    to_at      timestamptz not null,
    added_by   text not null,
    check (to_at > from_at)
);
create index itinerary_case on tracing.itinerary (case_id, from_at);

create table tracing.contacts (
    id           bigserial primary key,
    case_id      bigint not null references tracing.cases (id),
    person_id    bigint not null,
    person_name  text not null,
    path         text collate "C" not null,
    kind         text not null check (kind in ('CLOSE', 'SECONDARY')),
    exposed_at   timestamptz not null,
    setting      text not null,
    source       text not null check (source in ('MANUAL', 'CHECKIN')),
    placement_id bigint,
    listed_by    text not null,
    listed_at    timestamptz not null,
    cleared_at   timestamptz,
    cleared_by   text,
    unique (case_id, person_id)
);
create index contacts_person on tracing.contacts (person_id);

-- Venue check-ins: the big table (100 M rows in the benchmark). Lean rows, one index serving
-- "who was at this place between t1 and t2".
create table tracing.checkins (
    place_id   bigint not null,
    at         timestamptz not null,
    person_id  bigint not null,
    by_staff   boolean not null default false
);
create index checkins_place_at on tracing.checkins (place_id, at) include (person_id);

create table tracing.exposure_reviews (
    case_id     bigint not null references tracing.cases (id),
    person_id   bigint not null,
    decision    text not null check (decision in ('CONFIRMED', 'DISMISSED')),
    note        text,
    decided_by  text not null,
    decided_at  timestamptz not null,
    primary key (case_id, person_id)
);

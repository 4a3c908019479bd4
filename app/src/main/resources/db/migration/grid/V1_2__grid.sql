-- Regions: county -> township -> village -> grid -> micro-grid, addressed by a materialised
-- path of codes ('/141029/141029100/141029100001/'). Paths use the C collation so that one
-- b-tree serves both prefix matches and ordering.
create table grid.regions (
    code        text primary key,
    name        text not null,
    level       text not null check (level in ('COUNTY', 'TOWNSHIP', 'VILLAGE', 'GRID', 'MICRO_GRID')),
    parent_code text references grid.regions (code),
    path        text collate "C" not null unique,
    boundary    jsonb
);
create index regions_parent on grid.regions (parent_code, code);

-- Roll-up counts per region, kept current by the writers so that a summary never scans people.
create table grid.region_stats (
    code              text primary key references grid.regions (code),
    population        bigint not null default 0,
    households        bigint not null default 0,
    compounds         bigint not null default 0,
    shops             bigint not null default 0,
    venues            bigint not null default 0,
    checkpoints       bigint not null default 0,
    collection_points bigint not null default 0,
    sampling_tables   bigint not null default 0,
    quarantine_sites  bigint not null default 0,
    warehouses        bigint not null default 0,
    grid_workers      bigint not null default 0,
    micro_grids       bigint not null default 0
);

create table grid.places (
    id              bigserial primary key,
    kind            text not null check (kind in ('HOUSEHOLD', 'COMPOUND', 'SHOP', 'VENUE', 'CHECKPOINT',
                        'COLLECTION_POINT', 'SAMPLING_TABLE', 'QUARANTINE_SITE', 'WAREHOUSE')),
    name            text not null,
    address         text,
    category        text,
    micro_grid_code text not null references grid.regions (code),
    path            text collate "C" not null,
    parent_id       bigint references grid.places (id),
    external_key    text,
    created_at      timestamptz not null default now()
);
create index places_path_kind on grid.places (path, kind, id);
create index places_kind_path on grid.places (kind, path, id);
create unique index places_external_key on grid.places (micro_grid_code, kind, external_key) where external_key is not null;

create table grid.grid_workers (
    id          bigserial primary key,
    username    text not null unique,
    name        text not null,
    employment  text not null check (employment in ('FULL_TIME', 'PART_TIME')),
    phone_masked text
);

create table grid.grid_worker_assignments (
    worker_id       bigint not null references grid.grid_workers (id),
    micro_grid_code text   not null references grid.regions (code),
    path            text collate "C" not null,
    primary key (worker_id, micro_grid_code)
);
create index grid_worker_assignments_path on grid.grid_worker_assignments (path);

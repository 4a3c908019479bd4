-- Community ledgers (#11): residence kind AWAY (外出), households waiting for a micro-grid,
-- door-to-door visit campaigns and the audited merge of persons found twice.
alter table person.persons drop constraint persons_residence_check;
alter table person.persons add constraint persons_residence_check
    check (residence in ('REGISTERED', 'TEMPORARY', 'NON_RESIDENT', 'AWAY'));
alter table person.persons add column relation text;
alter table person.persons add column pending_household_id bigint;
-- A person found on a visit without an ID card is recorded without one (name, sex, birth
-- date, phone) until an officer merges them with their registered entry.
alter table person.persons alter column id_hash drop not null;
alter table person.persons alter column id_cipher drop not null;
alter table person.persons alter column id_masked drop not null;
create index persons_no_id on person.persons (name, birth_date) where id_hash is null;
create index persons_pending on person.persons (pending_household_id) where pending_household_id is not null;

-- A household imported into a region above micro-grid level: its persons wait here (their
-- micro_grid_code and path are the region's) until an officer assigns it to a micro-grid.
create table person.pending_households (
    id              bigserial primary key,
    region_code     text not null,
    path            text collate "C" not null,
    address         text,
    external_key    text not null,
    members         int  not null,
    created_at      timestamptz not null,
    assigned_at     timestamptz,
    micro_grid_code text,
    household_id    bigint
);
create index pending_households_open on person.pending_households (path, address) where assigned_at is null;

-- A door-to-door round over a region (不漏一户、不落一人).
create table person.visit_campaigns (
    id          bigserial primary key,
    region_code text not null,
    path        text collate "C" not null,
    name        text not null,
    starts_on   date not null,
    ends_on     date,
    created_by  text not null,
    created_at  timestamptz not null
);
create index visit_campaigns_path on person.visit_campaigns (path);

create table person.household_visits (
    id              bigserial primary key,
    campaign_id     bigint not null references person.visit_campaigns (id),
    household_id    bigint not null,
    micro_grid_code text not null,
    path            text collate "C" not null,
    visited_on      date not null,
    visited_by      text not null,
    found           int  not null,
    note            text,
    recorded_at     timestamptz not null
);
create index household_visits_campaign on person.household_visits (campaign_id, household_id);

-- What a visit found changed for one person: MOVED_IN, MOVED_OUT, NEW_PHONE, AWAY, FOUND.
create table person.visit_changes (
    visit_id    bigint not null references person.household_visits (id),
    person_id   bigint,
    -- a MOVED_IN person whose ID is registered elsewhere: the entry found there
    existing_id bigint,
    kind        text not null check (kind in ('FOUND', 'MOVED_IN', 'MOVED_OUT', 'NEW_PHONE', 'AWAY')),
    detail      text
);
create index visit_changes_visit on person.visit_changes (visit_id);

-- A merge of two ledger entries of one person: the duplicate is hidden behind the survivor;
-- the snapshot lets an officer undo it.
create table person.person_merges (
    id            bigserial primary key,
    survivor_id   bigint not null,
    duplicate_id  bigint not null,
    reason        text not null,
    snapshot      jsonb not null,
    merged_by     text not null,
    merged_at     timestamptz not null,
    undone_by     text,
    undone_at     timestamptz
);
create index person_merges_pair on person.person_merges (survivor_id, duplicate_id);

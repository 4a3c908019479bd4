-- Checkpoint passages (four-code checks) and point-to-point transfers with handover receipts.
create schema if not exists checkpoint;

create table checkpoint.checks (
    check_id       text primary key,
    checkpoint_id  bigint not null,
    path           text collate "C" not null,
    staff          text not null,
    at             timestamptz not null,
    plate          text not null default '',
    self_drive     boolean not null,
    passengers     int not null,
    origin         text not null default '',
    decision       text not null check (decision in ('PASS', 'SPECIAL_LANE', 'FAST_TEST', 'TRANSFER')),
    policy_edition text not null,
    request_hash   text not null,
    response       text not null
);
create index checks_day on checkpoint.checks (checkpoint_id, at);

create table checkpoint.check_persons (
    check_id  text not null references checkpoint.checks (check_id),
    position  int not null,
    person_id bigint,
    status    text,
    decision  text not null,
    reasons   text not null,
    primary key (check_id, position)
);

create table checkpoint.transfers (
    id               bigserial primary key,
    check_id         text references checkpoint.checks (check_id),
    person_id        bigint,
    checkpoint_id    bigint not null,
    path             text collate "C" not null,
    destination_kind text not null default 'QUARANTINE_SITE' check (destination_kind in ('QUARANTINE_SITE', 'HOME')),
    destination_id   bigint,
    destination      text not null default '',
    vehicle          text not null default '',
    escort           text not null default '',
    opened_at        timestamptz not null,
    opened_by        text not null,
    departed_at      timestamptz,
    departed_staff   text,
    departed_person  text,
    received_at      timestamptz,
    received_staff   text,
    received_person  text,
    state            text not null default 'OPEN' check (state in ('OPEN', 'IN_TRANSIT', 'CLOSED'))
);
create index transfers_open on checkpoint.transfers (state) where state <> 'CLOSED';

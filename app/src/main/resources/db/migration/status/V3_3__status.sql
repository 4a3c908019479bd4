-- Health status: the reasons that apply to a person (each from a fact with its source, since and
-- until), manual overrides with a second approver, signing keys and pseudonyms of status codes.
create schema if not exists status;

create table status.reasons (
    person_id bigint not null,
    code      text not null,
    ref       text not null,
    source    text not null,
    since     timestamptz not null,
    until     timestamptz,
    detail    text not null default '',
    primary key (person_id, code, ref)
);

create table status.overrides (
    id           bigserial primary key,
    person_id    bigint not null,
    status       text not null check (status in ('GREEN', 'YELLOW', 'RED')),
    reason       text not null,
    until        timestamptz,
    requested_by text not null,
    requested_at timestamptz not null,
    decided_by   text,
    decided_at   timestamptz,
    state        text not null default 'PENDING' check (state in ('PENDING', 'APPROVED', 'REJECTED')),
    check (decided_by is null or decided_by <> requested_by)
);
create index overrides_person on status.overrides (person_id);

create table status.signing_keys (
    kid         text primary key,
    public_key  bytea not null,
    private_key bytea not null,
    created_at  timestamptz not null,
    retired_at  timestamptz
);

create table status.pseudonyms (
    pseudonym text primary key,
    person_id bigint not null unique
);

create table access.users (
    id                bigserial primary key,
    username          text        not null unique,
    display_name      text        not null,
    password_hash     text        not null,
    role              text        not null,
    jurisdiction_code text        not null,
    jurisdiction_path text collate "C" not null,
    enabled           boolean     not null default true,
    failed_logins     integer     not null default 0,
    locked_until      timestamptz,
    created_at        timestamptz not null default now()
);
create index users_jurisdiction on access.users (jurisdiction_path);

create table access.api_tokens (
    id          bigserial primary key,
    user_id     bigint      not null references access.users (id),
    name        text        not null,
    token_hash  bytea       not null unique,
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz
);

create table access.audit_log (
    id           bigserial primary key,
    at           timestamptz not null,
    username     text        not null,
    role         text        not null,
    action       text        not null,
    subject_type text        not null,
    subject_id   text,
    detail       text,
    remote_addr  text
);
create index audit_log_at on access.audit_log (at desc);
create index audit_log_subject on access.audit_log (subject_type, subject_id);

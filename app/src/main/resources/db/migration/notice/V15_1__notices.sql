-- Notices (六个一 and free notices): one row per notice, one row per version (each kept),
-- the staff a published notice targets with their read receipts and escalations.
create table notice.notices (
    id              bigserial primary key,
    kind            text not null,
    emergency       boolean not null default false,
    is_public       boolean not null default false,
    state           text not null,
    region_codes    text[] not null,
    region_paths    text[] not null,
    roles           text[] not null,
    author_id       bigint not null,
    author_username text not null,
    author_name     text not null,
    created_at      timestamptz not null,
    published_at    timestamptz,
    changed_at      timestamptz not null
);
create index notices_state on notice.notices (state, published_at desc);

create table notice.versions (
    notice_id        bigint not null references notice.notices (id),
    version          int not null,
    message_type     text not null,
    title            text not null,
    body             text not null,
    written_by       text not null,
    written_at       timestamptz not null,
    approved_by      text,
    approved_at      timestamptz,
    primary key (notice_id, version)
);

create table notice.recipients (
    notice_id     bigint not null references notice.notices (id),
    user_id       bigint not null,
    username      text not null,
    display_name  text not null,
    region_code   text not null,
    region_path   text not null,
    notified_at   timestamptz not null,
    read_at       timestamptz,
    escalated_at  timestamptz,
    escalated_to  text,
    primary key (notice_id, user_id)
);
create index recipients_unread on notice.recipients (user_id) where read_at is null;
create index recipients_escalation on notice.recipients (escalated_to) where escalated_to is not null;

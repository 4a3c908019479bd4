-- Spatiotemporal companion (时空伴随) runs: the request, the Spark job's progress and outcome, the
-- companions found (phones encrypted, never plain), and the grid workers' follow-ups of them.
create table companion.runs (
    id                 bigserial primary key,
    created_by         text        not null,
    jurisdiction_code  text        not null,
    path               text collate "C" not null,
    period_from        timestamptz not null,
    period_to          timestamptz not null,
    case_count         integer     not null,
    case_phones_masked text        not null,
    file_name          text        not null,
    file_bytes         bigint      not null,
    definition         text        not null,
    state              text        not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    progress           double precision not null default 0,
    used_rows          bigint,
    error              text,
    created_at         timestamptz not null,
    finished_at        timestamptz
);
create index runs_path on companion.runs (path, id);

create table companion.run_bad_rows (
    run_id bigint not null references companion.runs (id),
    reason text   not null,
    rows   bigint not null,
    primary key (run_id, reason)
);

create table companion.companions (
    id              bigserial primary key,
    run_id          bigint      not null references companion.runs (id),
    phone_cipher    bytea       not null,
    phone_masked    text        not null,
    person_id       bigint,
    cell            text        not null,
    overlap_seconds bigint      not null,
    first_seen      timestamptz not null,
    last_seen       timestamptz not null
);
create index companions_run on companion.companions (run_id, id);

create table companion.follow_ups (
    id              bigserial primary key,
    companion_id    bigint      not null references companion.companions (id),
    run_id          bigint      not null references companion.runs (id),
    person_id       bigint      not null,
    micro_grid_code text        not null,
    path            text collate "C" not null,
    assigned_to     text,
    status          text        not null check (status in ('OPEN', 'LOCATED', 'FIRST_TESTED', 'SECOND_TESTED', 'CLEARED', 'ESCALATED')),
    first_test      text check (first_test in ('NEGATIVE', 'POSITIVE')),
    second_test     text check (second_test in ('NEGATIVE', 'POSITIVE')),
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index follow_ups_assigned on companion.follow_ups (assigned_to, id);
create index follow_ups_run on companion.follow_ups (run_id);

create table companion.follow_up_steps (
    id           bigserial primary key,
    follow_up_id bigint      not null references companion.follow_ups (id),
    step         text        not null,
    result       text,
    note         text,
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);
create index follow_up_steps_follow_up on companion.follow_up_steps (follow_up_id, id);

-- Risk areas as published, with every level change kept as a dated version.
create schema if not exists risk;

create table risk.notices (
    id            bigserial primary key,
    source        text not null default 'NOTICE' check (source in ('NOTICE', 'EXCEL')),
    text          text not null,
    as_of         timestamptz,
    area_count    int not null,
    problem_count int not null,
    state         text not null default 'PREVIEW' check (state in ('PREVIEW', 'APPLIED')),
    created_by    text not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    applied_by    text,
    applied_at    timestamptz
);

create table risk.areas (
    id            bigserial primary key,
    full_text     text not null unique,
    text          text not null,
    resolved_code text not null collate "C",
    resolved_name text not null,
    inherited     boolean not null default false
);
create index on risk.areas (resolved_code);

-- A level is in force from effective_from (inclusive) to effective_to (exclusive, open when null).
create table risk.area_levels (
    id             bigserial primary key,
    area_id        bigint not null references risk.areas (id),
    level          text not null check (level in ('HIGH', 'MEDIUM', 'LOW')),
    effective_from timestamptz not null,
    effective_to   timestamptz,
    notice_id      bigint references risk.notices (id),
    set_by         text not null,
    note           text not null default '',
    check (effective_to is null or effective_to > effective_from)
);
create index on risk.area_levels (area_id, effective_from);
create index on risk.area_levels (level, effective_from);
create unique index area_levels_one_open on risk.area_levels (area_id) where effective_to is null;

-- The population ledger. Resident IDs and phones are stored as a keyed hash (HMAC-SHA256,
-- for lookup and uniqueness), AES-GCM ciphertext (for audited unmasked reads) and a masked
-- display form; the plain value is never stored.
create table person.persons (
    id              bigserial primary key,
    name            text        not null,
    id_hash         bytea       not null,
    id_cipher       bytea       not null,
    id_masked       text        not null,
    birth_date      date        not null,
    sex             char(1)     not null check (sex in ('M', 'F')),
    phone_hash      bytea,
    phone_cipher    bytea,
    phone_masked    text,
    household_id    bigint,
    micro_grid_code text        not null,
    path            text collate "C" not null,
    residence       text        not null check (residence in ('REGISTERED', 'TEMPORARY', 'NON_RESIDENT')),
    created_at      timestamptz not null default now(),
    constraint persons_id_hash_unique unique (id_hash)
);
create index persons_path on person.persons (path, id);
create index persons_phone on person.persons (phone_hash) where phone_hash is not null;
create index persons_name on person.persons (name text_pattern_ops);
create index persons_household on person.persons (household_id);

-- A campaign is closed by an officer when its round is over: no visit is recorded in it after.
alter table person.visit_campaigns add column closed_at timestamptz, add column closed_by text;

-- Pairs an officer judged to be two different persons (不是同一人): no longer offered for merging.
create table person.distinct_pairs (
    low_id       bigint      not null,
    high_id      bigint      not null,
    note         text,
    dismissed_by text        not null,
    dismissed_at timestamptz not null,
    primary key (low_id, high_id),
    check (low_id < high_id)
);

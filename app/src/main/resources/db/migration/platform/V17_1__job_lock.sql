-- One row per scheduled job: a node runs the job only while it holds the row (locked_until in the
-- future, on the database's clock, so skewed node clocks do not matter). A node that dies leaves a
-- lock that expires at locked_until; another node then takes the job over.
create table platform.job_lock (
    name         text primary key,
    locked_until timestamptz not null,
    locked_at    timestamptz not null,
    locked_by    text        not null,
    finished_at  timestamptz
);

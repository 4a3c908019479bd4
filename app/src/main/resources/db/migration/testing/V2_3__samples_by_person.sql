-- Per-person lookups (latest negative test at checkpoints, overdue tests for health status).
create index samples_person on testing.samples (person_id);

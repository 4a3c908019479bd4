-- Door-to-door visits and merges (#11): a merged duplicate points at its survivor and is left
-- out of every list and search; an undo clears the pointer again.
alter table person.persons add column merged_into bigint;
create index persons_merged on person.persons (merged_into) where merged_into is not null;
create index household_visits_grid on person.household_visits (campaign_id, micro_grid_code);
create index household_visits_path on person.household_visits (campaign_id, path);
create index visit_changes_existing on person.visit_changes (existing_id) where existing_id is not null;

-- When a person checked in at the collection point (drills time the wait until sampling).
alter table testing.samples add column arrived_at timestamptz;

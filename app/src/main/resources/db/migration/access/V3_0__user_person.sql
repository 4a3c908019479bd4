-- A resident's account is linked to their person record (to see their own status and code).
alter table access.users add column person_id bigint;

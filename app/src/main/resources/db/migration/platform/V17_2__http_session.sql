-- Signed-in sessions, shared by all nodes (Spring Session JDBC's layout: times in epoch
-- milliseconds, attributes as Java-serialised bytes). A node that dies loses no session: the next
-- request, on whichever node the balancer picks, reads it here.
create table platform.http_session (
    primary_id            char(36)     primary key,
    session_id            char(36)     not null unique,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create index http_session_expiry on platform.http_session (expiry_time);
create index http_session_principal on platform.http_session (principal_name);

create table platform.http_session_attributes (
    session_primary_id char(36)     not null references platform.http_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);

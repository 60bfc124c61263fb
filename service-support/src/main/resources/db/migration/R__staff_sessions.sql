-- One staff sign-in across the services: their HTTP sessions live in one table (Spring Session JDBC), outside each
-- service's own schema, so that signing in to one signs in to all. service-support ships this repeatable migration to
-- every service; the first to start creates the tables, and the lock keeps two starting together from colliding.
-- The tables are Spring Session's own (org/springframework/session/jdbc/schema-postgresql.sql, 4.1.0).
select pg_advisory_xact_lock(hashtext('stillpoint.staff_session'));

create schema if not exists staff_session;

create table if not exists staff_session.spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index if not exists spring_session_ix1 on staff_session.spring_session (session_id);
create index if not exists spring_session_ix2 on staff_session.spring_session (expiry_time);
create index if not exists spring_session_ix3 on staff_session.spring_session (principal_name);

create table if not exists staff_session.spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references staff_session.spring_session (primary_id) on delete cascade
);

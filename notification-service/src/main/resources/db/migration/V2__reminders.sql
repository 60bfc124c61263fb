-- Reminders live in the notification table beside the other emails: a step is SCHEDULED until db-scheduler
-- releases it (PENDING), and a step that will not happen says why (CANCELLED or SKIPPED, with a reason).
alter table notification add column reason text;
alter table notification add column time_zone text;
update notification set time_zone = event -> 'booking' -> 'client' ->> 'timeZone';
alter table notification alter column time_zone set not null;
-- insertion order: a booking's emails that are due at the same instant go out in the order they were planned
alter table notification add column seq bigint generated always as identity;

create index notification_scheduled on notification (booking_id) where status in ('SCHEDULED', 'PENDING');

-- Each booking as last applied: an event whose version is not newer changes nothing; a series' sessions are found
-- here for the check-in that invites the next one.
create table booking_state (
    booking_id uuid primary key,
    version    bigint      not null,
    status     text        not null,
    starts_at  timestamptz not null,
    series_id  uuid,
    updated_at timestamptz not null
);

create index booking_state_series on booking_state (series_id, starts_at) where series_id is not null;

-- db-scheduler's table (https://github.com/kagkarlsson/db-scheduler, PostgreSQL schema for 16.x)
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

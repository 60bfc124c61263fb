-- Per client address limits on public writes: Bucket4j's token buckets, shared by every instance
-- (service-support's ClientRateLimits). expires_at is in epoch milliseconds; a refilled bucket's row is deleted.
create table rate_limit_bucket (
    id         varchar(255) primary key,
    state      bytea,
    expires_at bigint
);

create index rate_limit_bucket_expires_at_idx on rate_limit_bucket (expires_at);

-- db-scheduler's table (its recurring jobs: cleaning up limits, and retention)
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

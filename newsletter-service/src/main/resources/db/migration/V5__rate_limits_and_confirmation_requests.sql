-- Per client address limits on public writes: Bucket4j's token buckets, shared by every instance
-- (service-support's ClientRateLimits). expires_at is in epoch milliseconds; a refilled bucket's row is deleted.
create table rate_limit_bucket (
    id         varchar(255) primary key,
    state      bytea,
    expires_at bigint
);

create index rate_limit_bucket_expires_at_idx on rate_limit_bucket (expires_at);

-- when the address was last sent a confirmation link: at most one a day, however often it is entered
alter table subscriber add column confirmation_requested_at timestamp with time zone;

-- Which optional emails a client wants (ClientPreferencesChanged), by the hash of their address: the same hash the
-- erasure requests carry, so nothing here names the client. No row: every email, as a new client gets.
create table client_preferences (
    email_hash  text primary key,
    morning_of  boolean     not null,
    aftercare   boolean     not null,
    check_in    boolean     not null,
    version     bigint      not null,
    updated_at  timestamptz not null
);

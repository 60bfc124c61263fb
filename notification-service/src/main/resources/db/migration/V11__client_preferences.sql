-- Which optional emails each client wants, as booking-service last published it (ClientPreferencesChanged), by the
-- hash of their address. A record older than the version kept changes nothing. No row: every email.
create table client_preferences (
    email_hash  text primary key,
    morning_of  boolean     not null,
    aftercare   boolean     not null,
    check_in    boolean     not null,
    version     bigint      not null,
    updated_at  timestamptz not null
);

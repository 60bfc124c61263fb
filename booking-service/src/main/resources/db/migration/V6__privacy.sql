-- A past session's screening answers are health data: the retention job clears them a while after the session.
alter table booking alter column screen_aneurysm drop not null;
alter table booking alter column screen_cerebral_hemorrhage drop not null;
alter table booking alter column screen_bleeding_disorder drop not null;
alter table booking alter column screen_intracranial_pressure drop not null;

-- Erasure requests across the services (ClientErasureRequested), and each service's report that it has honoured one.
-- Only the hash of the address is kept: once erased, nothing here names the client.
create table client_erasure (
    id           uuid primary key,
    email_hash   text        not null,
    requested_by text        not null, -- STAFF or CLIENT
    requested_at timestamptz not null
);

create table client_erasure_report (
    erasure_id   uuid        not null references client_erasure (id),
    service      text        not null,
    records      integer     not null,
    completed_at timestamptz not null,
    primary key (erasure_id, service)
);

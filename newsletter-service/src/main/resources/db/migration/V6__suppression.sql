-- Addresses that must not be put on the list by anyone but their owner: those erased (at their request, from the data
-- page or through ClientErasureRequested) and those that unsubscribed. Only the SHA-256 of the lower-cased address is
-- kept, so the list names nobody; imports and bookings' newsletter ticks are checked against it. Subscribing again by
-- hand, and confirming, takes the address off it.
create table suppressed_address (
    email_hash    text primary key,
    reason        text        not null, -- ERASED, UNSUBSCRIBED
    suppressed_at timestamptz not null
);

-- each processed erasure request, so a redelivered one is recognised
create table processed_erasure (
    erasure_id   uuid primary key,
    processed_at timestamptz not null
);

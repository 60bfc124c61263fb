-- Every booking counts the sessions its address already has ahead (the per-client cap), and an erasure finds an
-- address's bookings, both by lower(client_email): without an index each was a scan of every booking ever made, a cost
-- that grows with the practice's history (15,000 bookings into the benchmark, at 200 bookings/s).
create index booking_client_email on booking (lower(client_email), starts_at);

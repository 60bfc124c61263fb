-- The practitioner may decline a booking held for review: like a cancelled one, a declined booking frees its time.
alter table booking drop constraint booking_no_overlap;
alter table booking add constraint booking_no_overlap exclude using gist (tstzrange(starts_at, ends_at) with &&)
    where (status in ('CONFIRMED', 'PENDING_REVIEW'));

-- the practitioner's list of bookings waiting for review
create index booking_held on booking (starts_at) where status = 'PENDING_REVIEW';

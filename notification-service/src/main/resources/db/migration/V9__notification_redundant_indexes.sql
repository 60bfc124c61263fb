-- Every notification row went into eight indexes while a backlog was drained, and inserting them was PostgreSQL's
-- busiest statement. Two of the indexes did no work of their own: notification_booking (booking_id) is the first column
-- of notification_once (booking_id, booking_version, kind), which serves the same lookups; and message_id is
-- "<id@domain>", unique because the id is, and never looked up.
drop index notification_booking;
alter table notification drop constraint notification_message_id_key;

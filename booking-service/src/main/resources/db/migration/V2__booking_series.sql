-- A weekly series of 5 or 10 sessions booked in one request: each occurrence is its own booking, and knows its place.
alter table booking add column series_id uuid;
alter table booking add column series_occurrence integer;
alter table booking add column series_occurrences integer;
alter table booking add constraint booking_series_complete check (
    (series_id is null and series_occurrence is null and series_occurrences is null)
    or (series_id is not null and series_occurrence between 1 and series_occurrences));

create index booking_series on booking (series_id, series_occurrence) where series_id is not null;

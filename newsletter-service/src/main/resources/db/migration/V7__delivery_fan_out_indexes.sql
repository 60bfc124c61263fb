-- The fan-out looks for queued recipients not fanned out yet, or fanned out so long ago that their record may be lost.
-- The index on (issue_id, fanned_out_at) serves neither without an issue id, so each round of 500 could read every
-- queued recipient of the send. Each kind now has a partial index of its own.
create index delivery_not_fanned_out on delivery (issue_id) where status = 'QUEUED' and fanned_out_at is null;
create index delivery_fanned_out on delivery (fanned_out_at) where status = 'QUEUED' and fanned_out_at is not null;

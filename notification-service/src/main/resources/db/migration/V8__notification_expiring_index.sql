-- Every claim first skips the pending emails whose time has passed (expires_at). Without an index that is a scan of
-- every pending email on each claim, which grows with the backlog (20,000 pending confirmations, which never expire,
-- in the benchmark's backlog). Only emails that can expire are indexed.
create index notification_pending_expiring on notification (expires_at)
    where status = 'PENDING' and expires_at is not null;

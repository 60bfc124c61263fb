-- What operators did from the ops console, and who: replays and discards of dead letters, reminders run early or
-- cancelled. A dead letter is handled once: the unique index turns a second replay (another tab, another person)
-- into a clear refusal instead of a duplicate.
create table ops_audit (
    id            bigint generated always as identity primary key,
    at            timestamptz not null,
    actor         text        not null,
    action        text        not null, -- REPLAYED, DISCARDED, RAN_NOW, CANCELLED
    subject       text        not null, -- topic/partition/offset of a dead letter, or a notification id
    detail        text,
    dlt_topic     text,
    dlt_partition integer,
    dlt_offset    bigint
);

create unique index ops_audit_dead_letter_once on ops_audit (dlt_topic, dlt_partition, dlt_offset)
    where dlt_topic is not null;
create index ops_audit_at on ops_audit (at desc);

-- The W3C traceparent of the request that wrote the event: the relay publishes it in the trace it belongs to.
alter table outbox_event add column trace_parent text;

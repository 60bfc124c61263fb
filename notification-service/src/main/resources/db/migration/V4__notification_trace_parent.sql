-- The W3C traceparent of the event that caused the email: its sending is logged in the trace of the booking request.
alter table notification add column trace_parent text;

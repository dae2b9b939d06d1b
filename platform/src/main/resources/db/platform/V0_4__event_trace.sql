-- The trace an event was appended in (W3C traceparent), so the relay's send continues it although it runs later
-- on a thread of its own; null when tracing is off.
alter table event_store add column trace_parent text;

-- The W3C trace context of the change that wrote the event (TraceContext): sent with the event as its CloudEvents
-- traceparent extension, so that a trace runs from the request through the outbox to what consumers do with it.
-- Empty when tracing is off.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(128);

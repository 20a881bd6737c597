-- A parked event keeps the trace it came with, so that applying it later continues that trace (TraceContext).
ALTER TABLE parked_event ADD COLUMN traceparent VARCHAR(128);

-- One database and two logins per service: no table is shared. The owner (registry, tracker) migrates the schema and
-- owns it, audit trail included; the service runs as <name>_app, to which each migration grants what it may do (on the
-- audit tables only SELECT and INSERT). Passwords here are for a local machine only; in production they come from
-- the environment (Kubernetes Secrets).
CREATE ROLE registry LOGIN PASSWORD 'registry';
CREATE DATABASE registry OWNER registry ENCODING 'UTF8';
CREATE ROLE registry_app LOGIN PASSWORD 'registry_app';
CREATE ROLE tracker LOGIN PASSWORD 'tracker';
CREATE DATABASE tracker OWNER tracker ENCODING 'UTF8';
CREATE ROLE tracker_app LOGIN PASSWORD 'tracker_app';

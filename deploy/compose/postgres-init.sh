#!/bin/sh
# The databases and logins of docker-compose.yml, made or brought up to date at every `docker compose up` (the
# db-init service): one database and two logins per service, no table shared, and Keycloak's database. The owner
# (registry, tracker) migrates the schema and owns it, audit trail included; the service runs as <name>_app, to which
# each migration grants what it may do. Every password is .env's: change one there and the next `up` sets it.
set -eu
export PGPASSWORD="$POSTGRES_PASSWORD"
psql -v ON_ERROR_STOP=1 -h postgres -U postgres -d postgres \
  -v registry="$REGISTRY_DB_PASSWORD" -v registry_app="$REGISTRY_APP_DB_PASSWORD" \
  -v tracker="$TRACKER_DB_PASSWORD" -v tracker_app="$TRACKER_APP_DB_PASSWORD" \
  -v keycloak="$KEYCLOAK_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', name) FROM (VALUES ('registry'), ('registry_app'), ('tracker'), ('tracker_app'),
    ('keycloak')) AS wanted(name) WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = name) \gexec
ALTER ROLE registry WITH LOGIN PASSWORD :'registry';
ALTER ROLE registry_app WITH LOGIN PASSWORD :'registry_app';
ALTER ROLE tracker WITH LOGIN PASSWORD :'tracker';
ALTER ROLE tracker_app WITH LOGIN PASSWORD :'tracker_app';
ALTER ROLE keycloak WITH LOGIN PASSWORD :'keycloak';
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L', name, name, 'UTF8') FROM (VALUES ('registry'), ('tracker'),
    ('keycloak')) AS wanted(name) WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = name) \gexec
SQL

-- One database and one login per service: no table is shared. Passwords here are for a local machine only;
-- in production they come from the environment (Kubernetes Secrets).
CREATE ROLE registry LOGIN PASSWORD 'registry';
CREATE DATABASE registry OWNER registry ENCODING 'UTF8';
CREATE ROLE tracker LOGIN PASSWORD 'tracker';
CREATE DATABASE tracker OWNER tracker ENCODING 'UTF8';

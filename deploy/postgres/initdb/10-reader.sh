#!/bin/sh
# Run by the postgres image once, when its data volume is first initialized:
# makes the read-only role Grafana's news dashboard connects as
# ($WIREWATCH_INDEX_READER), allowed to read every table wirewatch's role
# ($POSTGRES_USER) creates in the index database, now or by a later
# migration.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v reader="$WIREWATCH_INDEX_READER" \
  -v password="$WIREWATCH_INDEX_READER_PASSWORD" \
  -v owner="$POSTGRES_USER" \
  -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE :"reader" LOGIN PASSWORD :'password';
GRANT CONNECT ON DATABASE :"db" TO :"reader";
GRANT USAGE ON SCHEMA public TO :"reader";
GRANT SELECT ON ALL TABLES IN SCHEMA public TO :"reader";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT ON TABLES TO :"reader";
SQL

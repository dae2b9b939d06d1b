#!/bin/sh
# Runs once, when the compose PostgreSQL volume is created: one login role per service, owning its own schema
# and nothing else (the services connect as canbao_<schema>, see docker-compose.yml).
set -eu
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -v pw="$CANBAO_DB_PASSWORD" <<'SQL'
revoke create on schema public from public;
create role canbao_enrollment login password :'pw';
create schema enrollment authorization canbao_enrollment;
create schema enrollment_rebuild authorization canbao_enrollment;
create schema enrollment_retired authorization canbao_enrollment;
create role canbao_payment login password :'pw';
create schema payment authorization canbao_payment;
create schema payment_rebuild authorization canbao_payment;
create schema payment_retired authorization canbao_payment;
create role canbao_subsidy login password :'pw';
create schema subsidy authorization canbao_subsidy;
create schema subsidy_rebuild authorization canbao_subsidy;
create schema subsidy_retired authorization canbao_subsidy;
create role canbao_reporting login password :'pw';
create schema reporting authorization canbao_reporting;
create schema reporting_rebuild authorization canbao_reporting;
create schema reporting_retired authorization canbao_reporting;
SQL

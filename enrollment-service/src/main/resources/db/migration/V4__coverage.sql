-- Each person's entitlement for a policy year as subsidy-service last announced it (entitlement-changed), so the
-- outreach lists can tell who has not paid without reading another service's database. Names stay here.
create table coverage (
    person_key   varchar(32)   not null,
    policy_year  int           not null,
    state        varchar(16)   not null,
    hardship     boolean       not null,
    personal_due numeric(12, 2),
    paid         numeric(12, 2),
    updated_at   timestamptz   not null,
    primary key (person_key, policy_year)
);

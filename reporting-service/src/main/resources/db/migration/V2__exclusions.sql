-- Persons out of a year's campaign (from person-excluded); they count neither as enrolled nor as hardship to cover.
create table exclusion (
    person_key  varchar(32) not null,
    policy_year int         not null,
    reason      text        not null,
    primary key (person_key, policy_year)
);

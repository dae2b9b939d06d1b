-- Persons the medical insurance bureau excluded from a policy year's campaign, with why.
create table exclusion (
    id_number   varchar(18) not null,
    policy_year int         not null,
    reason      text        not null,
    recorded_at timestamptz not null,
    primary key (id_number, policy_year)
);

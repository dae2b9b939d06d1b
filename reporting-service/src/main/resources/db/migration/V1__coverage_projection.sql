create table campaign (
    policy_year int primary key,
    document    text        not null,
    updated_at  timestamptz not null
);

create table campaign_unit (
    policy_year int     not null,
    name        text    not null,
    kind        text,
    target      bigint,
    ranked      boolean not null,
    position    int     not null,
    primary key (policy_year, name)
);

-- Where each person belongs (from identity-verified).
create table person (
    person_key   varchar(32) primary key,
    township     text        not null,
    village      text,
    household_id text,
    status       varchar(16) not null,
    updated_at   timestamptz not null
);
create index person_township on person (township, village);

-- Hardship category spells (from status-changed).
create table hardship_spell (
    id          bigserial primary key,
    person_key  varchar(32) not null,
    department  text        not null,
    category    text        not null,
    valid_from  date        not null,
    valid_until date
);
create index hardship_spell_person on hardship_spell (person_key);

-- Enrollment per person and year (from entitlement-changed); enrolled_at is business time.
create table coverage (
    person_key  varchar(32) not null,
    policy_year int         not null,
    state       varchar(16) not null,
    enrolled_at timestamptz,
    primary key (person_key, policy_year)
);

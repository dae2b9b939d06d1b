-- The household roster: the one place that holds full ID numbers.
create table resident (
    id_number    varchar(18) primary key,
    person_key   varchar(32) not null unique,
    name         text        not null,
    household_id text        not null,
    township     text        not null,
    village      text,
    status       varchar(16) not null,
    recorded_at  timestamptz not null,
    updated_at   timestamptz not null
);

-- A department's recognition of a category for a person, valid from a business date until ended.
create table category_membership (
    id                bigserial primary key,
    id_number         varchar(18) not null references resident (id_number),
    department        text        not null,
    category          text        not null,
    valid_from        date        not null,
    valid_until       date,
    recorded_at       timestamptz not null,
    ended_recorded_at timestamptz
);
create unique index category_membership_open on category_membership (department, id_number, category)
    where valid_until is null;
create index category_membership_person on category_membership (id_number);

-- Unit names of the campaigns, learned from campaign-defined; roster lines are checked against them.
create table known_unit (
    name        text primary key,
    kind        text,
    policy_year int not null
);

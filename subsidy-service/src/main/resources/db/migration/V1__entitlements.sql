create table policy (
    policy_year int primary key,
    document    text        not null,
    updated_at  timestamptz not null
);

-- Category spells as departments reported them (from status-changed), by person pseudonym.
create table category_spell (
    id          bigserial primary key,
    person_key  varchar(32) not null,
    department  text        not null,
    category    text        not null,
    valid_from  date        not null,
    valid_until date,
    recorded_at timestamptz not null
);
create index category_spell_person on category_spell (person_key);

-- Payments (from payment-received).
create table payment (
    receipt_id  text primary key,
    person_key  varchar(32)    not null,
    policy_year int            not null,
    tier        int            not null,
    amount      numeric(12, 2) not null,
    paid_at     timestamptz    not null,
    recorded_at timestamptz    not null
);
create index payment_person on payment (person_key, policy_year);

-- The last entitlement told to the others, to emit entitlement-changed only on a change.
create table entitlement (
    person_key   varchar(32)    not null,
    policy_year  int            not null,
    tier         int            not null,
    state        varchar(16)    not null,
    hardship     boolean        not null,
    subsidy      numeric(12, 2) not null,
    personal_due numeric(12, 2) not null,
    paid         numeric(12, 2) not null,
    enrolled_at  timestamptz,
    updated_at   timestamptz    not null,
    primary key (person_key, policy_year)
);

-- Confirmed payments by receipt. No full ID number is kept: the pseudonym and the masked form are enough,
-- and the fingerprint tells a re-sent receipt from a conflicting one.
create table payment (
    receipt_id  text primary key,
    person_key  varchar(32)   not null,
    masked_id   varchar(18)   not null,
    policy_year int           not null,
    tier        int           not null,
    amount      numeric(12, 2) not null,
    channel     text          not null,
    paid_at     timestamptz   not null,
    tax_office  text,
    fingerprint varchar(64)   not null,
    recorded_at timestamptz   not null
);
create index payment_person on payment (person_key, policy_year);

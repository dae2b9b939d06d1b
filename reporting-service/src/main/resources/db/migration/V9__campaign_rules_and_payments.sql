-- The allocation table's eligible population (应参保人数), which a checkpoint may measure against instead of the target.
alter table campaign_unit add column eligible bigint;

-- Confirmed payments (from payment-received, payment-reversed), for the reconciliation against the deployment's tax
-- offices. A reversal marks its payment; a payment is never deleted.
create table payment (
    receipt_id  text primary key,
    person_key  varchar(32)   not null,
    policy_year int           not null,
    amount      numeric(12,2) not null,
    tax_office  text,
    paid_at     timestamptz,
    reversed_at timestamptz
);
create index payment_year on payment (policy_year, person_key);

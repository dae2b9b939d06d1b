-- Reversed receipts; kept apart from payment because a reversal may arrive before its payment (two topics).
create table payment_reversal (
    receipt_id  text primary key,
    person_key  varchar(32) not null,
    reversed_at timestamptz not null
);
create index payment_reversal_person on payment_reversal (person_key);

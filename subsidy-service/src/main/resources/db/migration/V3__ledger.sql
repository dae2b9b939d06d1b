-- What the ledger adds up: which category's subsidy applied, and what is owed back to the person.
alter table entitlement add column granting_category text;
alter table entitlement add column retroactive_due numeric(12, 2) not null default 0;
alter table entitlement add column refund_due numeric(12, 2) not null default 0;

alter table payment add column reversed_at timestamptz;
alter table payment add column reversal_reason text;

-- The unit a campaign unit belongs to (a village's township, a township's county, …); null at the top.
alter table campaign_unit add column parent text;

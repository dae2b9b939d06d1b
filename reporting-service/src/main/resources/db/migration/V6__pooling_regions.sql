-- Several pooling regions (统筹区) in one deployment, each with its own campaign per year; what existed belongs to
-- the deployment's default region (canbao.default-region). A unit belongs to one region's campaign in a year, so
-- campaign_unit keeps its key and learns its region.
alter table campaign add column region text not null default '${default_region}';
alter table campaign alter column region drop default;
alter table campaign drop constraint campaign_pkey;
alter table campaign add primary key (region, policy_year);

alter table campaign_unit add column region text not null default '${default_region}';
alter table campaign_unit alter column region drop default;
create index campaign_unit_region on campaign_unit (region, policy_year);

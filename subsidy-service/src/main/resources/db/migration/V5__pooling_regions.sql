-- Several pooling regions (统筹区) in one deployment: a policy per region and year; what existed belongs to the
-- deployment's default region (canbao.default-region).
alter table policy add column region text not null default '${default_region}';
alter table policy alter column region drop default;
alter table policy drop constraint policy_pkey;
alter table policy add primary key (region, policy_year);

-- The region whose policy decided an entitlement, for each region's ledger.
alter table entitlement add column region text not null default '${default_region}';
alter table entitlement alter column region drop default;
create index entitlement_region on entitlement (region, policy_year);

-- Where each person lives (from identity-verified) and which region each campaign unit belongs to (from
-- campaign-defined): a person's pooling region follows from their unit.
create table person_unit (
    person_key varchar(32) primary key,
    masked_id  text,
    township   text,
    village    text
);

create table unit_region (
    policy_year int  not null,
    unit        text not null,
    region      text not null,
    primary key (policy_year, unit)
);

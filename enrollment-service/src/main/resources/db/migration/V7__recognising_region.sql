-- The pooling region whose department recognised a category (a feed's region), null for a feed that named none:
-- a snapshot naming a region replaces only that region's list of the department.
alter table category_membership add column region text;

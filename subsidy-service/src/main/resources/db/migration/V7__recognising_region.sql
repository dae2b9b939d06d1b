-- The pooling region whose department recognised a category (status-changed's region), null when the feed named
-- none: a person enrolled in another region is enrolled across regions (跨统筹区).
alter table category_spell add column region text;

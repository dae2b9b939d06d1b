-- A known unit's pooling region (null: the default region) and parent, so a township's villages are its own
-- campaign's: another region's campaign never makes them unknown.
alter table known_unit add column region text;
alter table known_unit add column parent text;

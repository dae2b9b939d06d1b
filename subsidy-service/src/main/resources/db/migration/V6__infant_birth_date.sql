-- An infant's birth date, as identity-verified carries it (null for everyone else): the newborn rules
-- (covered from birth when enrolled within N days) need the day.
alter table person_unit add column birth_date date;

-- When a department last recognised each category in force: a list of a later year that names it again renews it
-- (status-changed RENEWED); null means only when it was added (valid_from).
alter table category_membership add column recognised_on date;

-- Ids in blocks of 50, so a feed's new memberships go to the database as JDBC batches.
alter sequence category_membership_id_seq increment by 50;

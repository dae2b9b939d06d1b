-- Ids in blocks of 50, so a batch of status events inserts its spells as JDBC batches.
alter sequence category_spell_id_seq increment by 50;

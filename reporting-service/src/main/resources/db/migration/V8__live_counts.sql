-- Live figures kept by the projection itself (issue 8): per policy year and place, the counts the progress query
-- would compute as of now, so that live progress reads a few hundred rows instead of aggregating every person.
-- A year is counted from the first live read of it on (counted_year), and then changed by every batch in its own
-- transaction. village '' stands for none (a key column cannot be null). Past instants are still aggregated.
create table counted_year (
    policy_year int primary key
);

create table place_count (
    policy_year       int    not null,
    township          text   not null,
    village           text   not null,
    persons           bigint not null,
    enrolled          bigint not null,
    hardship          bigint not null,
    hardship_enrolled bigint not null,
    primary key (policy_year, township, village)
);

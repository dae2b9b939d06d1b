-- Every service's outbox (events waiting for the relay) and inbox (ids of events already processed).
create sequence outbox_event_seq increment by 100;
create table outbox_event (
    id         bigint primary key,
    event_id   text        not null,
    topic      text        not null,
    record_key text        not null,
    payload    text        not null,
    created_at timestamptz not null
);

create table processed_event (
    event_id     text primary key,
    processed_at timestamptz not null default now()
);

-- The service's event store: the truth its state tables are projections of. Append-only, never deleted.
-- One stream per aggregate (person/…, receipt/…, entitlement/…/year, campaign/year) with a version per stream;
-- unique (stream, version) is the optimistic-concurrency guard of every append.
-- tx_id is the appending transaction: the relay sends in (tx_id, position) order and only below the snapshot's
-- xmin, so it never passes a transaction still in flight (the technique of Marten, Eventuous and message-db).
create table event_store (
    position     bigserial    primary key,
    stream       text         not null,
    version      bigint       not null,
    event_id     text         not null unique,
    type         text         not null,
    topic        text         not null,
    record_key   text         not null,
    payload      text         not null,
    private_data text,
    recorded_at  timestamptz  not null default now(),
    tx_id        xid8         not null default pg_current_xact_id(),
    unique (stream, version)
);
create index event_store_relay on event_store (tx_id, position);

-- How far the relay has sent: the (tx_id, position) of the last event the broker acknowledged.
create table relay_checkpoint (
    relay    text   primary key,
    tx_id    xid8   not null,
    position bigint not null
);
insert into relay_checkpoint (relay, tx_id, position) values ('kafka', '0', 0);

-- Nothing left in the old outbox is lost: it moves into the store as streams of one event.
insert into event_store (stream, version, event_id, type, topic, record_key, payload)
select 'outbox/' || event_id, 1, event_id, 'legacy', topic, record_key, payload from outbox_event order by id;
drop table outbox_event;
drop sequence outbox_event_seq;

-- Consumer side: per topic and stream, the version of the last event applied. An event at or below it is a
-- duplicate or late and changes nothing; one whose previous version is above it waits in parked_event.
create table stream_position (
    topic   text   not null,
    stream  text   not null,
    version bigint not null,
    primary key (topic, stream)
);
create table parked_event (
    topic     text        not null,
    stream    text        not null,
    version   bigint      not null,
    previous  bigint      not null,
    record    text        not null,
    parked_at timestamptz not null default now(),
    primary key (topic, stream, version)
);

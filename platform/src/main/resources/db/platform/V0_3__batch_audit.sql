-- Every batch a department or tax system sends: who, when, to which endpoint, how many lines and with what result,
-- and a hash of the bytes, so a clerk's "we sent it on the 3rd" can be checked. Kept, never deleted.
create table batch_audit (
    id           bigserial    primary key,
    received_at  timestamptz  not null default now(),
    source       text         not null,
    endpoint     text         not null,
    media_type   text,
    bytes        bigint       not null,
    sha256       text         not null,
    lines        int          not null,
    accepted     int          not null,
    duplicates   int          not null,
    rejected     int          not null,
    flagged      int          not null
);
create index batch_audit_source_time on batch_audit (source, received_at);
create index batch_audit_time on batch_audit (received_at);

-- Runs unchanged on H2 and PostgreSQL.

-- Visitors connected to one of several instances on one PostgreSQL database, so that every instance's
-- staff inbox knows who is online: the instance that holds the connection and when it last renewed the
-- mark (epoch milliseconds). A mark lapses after 90 s, so the marks of an instance that died go.
create table visitor_presence (
    session_id varchar(36) primary key,
    instance   varchar(36) not null,
    seen_at    bigint      not null
);
create index visitor_presence_instance on visitor_presence (instance);

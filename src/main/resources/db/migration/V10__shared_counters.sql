-- Runs unchanged on H2 and PostgreSQL.

-- What several instances on one database must count together rather than each in its own memory. Times
-- are epoch milliseconds of the application's clock: plain numbers compare alike on both databases.

-- Staff members who said they can take a chat, with when they last said so; a claim lapses after 90 s.
create table staff_presence (
    username     varchar(100) primary key,
    available_at bigint       not null
);

-- Failed staff logins per user name and client address (a SHA-256 of the pair, so no address is kept in
-- the clear): how many, the last one, and until when the pair is refused.
create table login_failure (
    pair_hash     varchar(64) primary key,
    failures      integer     not null,
    last_failed   bigint      not null,
    refused_until bigint
);
create index login_failure_last_failed on login_failure (last_failed);

-- New conversations per client address: a token bucket, taken from with a compare-and-set update.
create table conversation_quota (
    address     varchar(64)      primary key,
    tokens      double precision not null,
    refilled_at bigint           not null
);
create index conversation_quota_refilled_at on conversation_quota (refilled_at);

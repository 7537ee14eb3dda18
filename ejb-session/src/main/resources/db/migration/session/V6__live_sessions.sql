-- splitcast schema, version 6 (session server, seed 000): live channels (docs/live.md). Portable SQL
-- (H2 2.x and PostgreSQL 12+). No key is ever stored in clear: the live signing key and every
-- session key SK are key-vault envelopes (sealed under the master key, their owner as associated
-- data).

-- the central server's live signing key (ES256): signs key messages and join tickets; one row per
-- key, the newest is used, so that a restart keeps the key edges and terminals already trust
create table live_signing_key (
    key_id               varchar(64)  not null,
    public_key           bytea        not null,
    wrapped_private_key  bytea        not null,
    created_at           timestamp with time zone not null,
    constraint live_signing_key_pk primary key (key_id)
);

-- one-time challenges (claim 2): answered at most once (the row is deleted before the proof is
-- checked), expiring; in the database so that a restart or another node of a cluster keeps them
create table live_challenge (
    challenge_id  varchar(64)  not null,
    terminal_id   varchar(64)  not null,
    nonce         varchar(64)  not null,
    issued_at     timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    constraint live_challenge_pk primary key (challenge_id)
);
create index live_challenge_expiry_ix on live_challenge (expires_at);

-- live sessions (claims 3 and 7): one per (content, terminal) admission, its SK wrapped under the
-- master key, renewed in place (a new SK, a new expiry), ended by departure, lapse or revocation
create table live_session (
    session_id   varchar(64)  not null,
    terminal_id  varchar(64)  not null,
    content_id   varchar(64)  not null,
    group_id     varchar(64)  not null,
    wrapped_sk   bytea        not null,
    created_at   timestamp with time zone not null,
    renewed_at   timestamp with time zone,
    renewals     integer      not null,
    expires_at   timestamp with time zone not null,
    ended_at     timestamp with time zone,
    end_reason   varchar(16),
    version      bigint       not null,
    constraint live_session_pk primary key (session_id),
    constraint live_session_end_ck check (end_reason is null or end_reason in ('LEFT', 'LAPSED', 'REVOKED', 'CLOSED'))
);
create index live_session_terminal_ix on live_session (terminal_id, ended_at);

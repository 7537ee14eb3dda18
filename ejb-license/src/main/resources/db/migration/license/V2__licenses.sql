-- splitcast schema, version 2: the license server (seed 003, steps 130-160).
-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 12+.

-- The server's license signing keys (docs/license-format.md §5). The private key is a key-vault
-- envelope (AES-256-GCM under the master key, owner "license-signing/<id>"), never in clear; the
-- public key is its SubjectPublicKeyInfo DER. The active key has no retired_at; retired keys stay
-- published until the licenses they signed have expired, then they are deleted.
create table license_signing_key (
    id                   varchar(64) not null,
    algorithm            varchar(8)  not null,
    public_key           bytea       not null,
    wrapped_private_key  bytea       not null,
    created_at           timestamp with time zone not null,
    retired_at           timestamp with time zone,
    constraint license_signing_key_pk primary key (id),
    constraint license_signing_key_algorithm_ck check (algorithm in ('PS256', 'ES256', 'EdDSA'))
);

-- The precomputed access store (database 69 of the seed): access blocks computed before they are
-- asked for (step 126) or on a miss (step 142), found again by (terminal, content, key id) at
-- step 141. The unique constraint makes concurrent writers (two nodes, the timer and a request)
-- unable to store the same block twice. Rows go with their terminal, content key or subscriber
-- (ON DELETE CASCADE), and are deleted when revoked, rotated or expired.
create table precomputed_access (
    id               varchar(64)   not null,
    terminal_id      varchar(64)   not null,
    content_id       varchar(64)   not null,
    key_id           varchar(64)   not null,
    subscriber_id    varchar(64)   not null,
    signing_key_id   varchar(64)   not null,
    -- the signed access block (a JWS, public: it holds Kc only wrapped for the terminal)
    access_block     varchar(8000) not null,
    -- the grant key Km of a public-key terminal, as a key-vault envelope; null for AES terminals
    wrapped_grant_key bytea,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    constraint precomputed_access_pk primary key (id),
    constraint precomputed_access_uk unique (terminal_id, content_id, key_id),
    constraint precomputed_access_terminal_fk foreign key (terminal_id) references terminal (id) on delete cascade,
    constraint precomputed_access_content_fk foreign key (content_id) references content (id) on delete cascade,
    constraint precomputed_access_key_fk foreign key (key_id) references content_key (key_id) on delete cascade,
    constraint precomputed_access_subscriber_fk foreign key (subscriber_id) references subscriber (id) on delete cascade,
    constraint precomputed_access_signing_key_fk foreign key (signing_key_id) references license_signing_key (id) on delete cascade,
    constraint precomputed_access_window_ck check (expires_at > created_at)
);
create index precomputed_access_subscriber_ix on precomputed_access (subscriber_id);
create index precomputed_access_content_ix on precomputed_access (content_id);
create index precomputed_access_expires_ix on precomputed_access (expires_at);

-- Every license issued: the play count of the access rules, and the viewing history (database
-- 56 of the seed) that the recommendation engine learns from. Kept when the terminal is removed
-- (the history is the subscriber's), removed with the subscriber or the content.
create table license_issue (
    id             varchar(64) not null,
    subscriber_id  varchar(64) not null,
    terminal_id    varchar(64) not null,
    content_id     varchar(64) not null,
    key_id         varchar(64) not null,
    access         varchar(16) not null,
    issued_at      timestamp with time zone not null,
    expires_at     timestamp with time zone not null,
    constraint license_issue_pk primary key (id),
    constraint license_issue_subscriber_fk foreign key (subscriber_id) references subscriber (id) on delete cascade,
    constraint license_issue_content_fk foreign key (content_id) references content (id) on delete cascade,
    constraint license_issue_access_ck check (access in ('PRECOMPUTED', 'COMPUTED'))
);
create index license_issue_play_ix on license_issue (subscriber_id, content_id, issued_at);
create index license_issue_content_ix on license_issue (content_id);

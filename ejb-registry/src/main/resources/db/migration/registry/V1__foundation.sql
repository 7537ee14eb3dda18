-- splitcast schema, version 1: accounts, subscribers, terminals, contents and their keys,
-- packages and entitlements. Portable SQL: the same script runs on H2 2.x and PostgreSQL 12+.
-- Secret keys are stored only as key-vault envelopes (AES-256-GCM under the master key, see
-- docs/key-vault.md): the columns named wrapped_key never hold a key in clear.

create table subscriber (
    id            varchar(64)  not null,
    display_name  varchar(200) not null,
    -- demographics, used by the recommendation engine for cold starts
    age_band      varchar(8)   not null,
    country       varchar(2)   not null,
    category      varchar(32)  not null,
    created_at    timestamp with time zone not null,
    version       bigint       not null,
    constraint subscriber_pk primary key (id),
    constraint subscriber_age_band_ck check (age_band in ('0-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'))
);

-- who may call the API: operators, integrators, and subscribers (one account each)
create table account (
    username       varchar(64)  not null,
    password_hash  varchar(255) not null,
    role           varchar(16)  not null,
    subscriber_id  varchar(64),
    created_at     timestamp with time zone not null,
    version        bigint       not null,
    constraint account_pk primary key (username),
    constraint account_subscriber_fk foreign key (subscriber_id) references subscriber (id) on delete cascade,
    constraint account_subscriber_uk unique (subscriber_id),
    constraint account_role_ck check (role in ('OPERATOR', 'INTEGRATOR', 'SUBSCRIBER')),
    constraint account_subscriber_ck check ((role = 'SUBSCRIBER' and subscriber_id is not null)
                                         or (role <> 'SUBSCRIBER' and subscriber_id is null))
);

-- a subscriber's equipment and its key KT: a symmetric AES-256 key generated here (stored wrapped)
-- or a registered public key (stored as its SubjectPublicKeyInfo DER: public, not secret)
create table terminal (
    id             varchar(64)  not null,
    subscriber_id  varchar(64)  not null,
    label          varchar(200) not null,
    key_type       varchar(16)  not null,
    wrapped_key    bytea,
    public_key     bytea,
    status         varchar(16)  not null,
    registered_at  timestamp with time zone not null,
    revoked_at     timestamp with time zone,
    version        bigint       not null,
    constraint terminal_pk primary key (id),
    constraint terminal_subscriber_fk foreign key (subscriber_id) references subscriber (id) on delete cascade,
    constraint terminal_key_type_ck check (key_type in ('AES_256', 'RSA', 'EC_P256', 'X25519')),
    constraint terminal_status_ck check (status in ('ACTIVE', 'REVOKED')),
    constraint terminal_key_ck check ((key_type = 'AES_256' and wrapped_key is not null and public_key is null)
                                   or (key_type <> 'AES_256' and public_key is not null and wrapped_key is null))
);
create index terminal_subscriber_ix on terminal (subscriber_id);

create table content (
    id                   varchar(64)  not null,
    title                varchar(300) not null,
    genre                varchar(64)  not null,
    duration_seconds     integer      not null,
    -- default access rules of its licenses; null = unlimited
    max_plays            integer,
    rental_window_hours  integer,
    recording_allowed    boolean      not null,
    created_at           timestamp with time zone not null,
    version              bigint       not null,
    constraint content_pk primary key (id),
    constraint content_duration_ck check (duration_seconds > 0),
    constraint content_max_plays_ck check (max_plays is null or max_plays > 0),
    constraint content_rental_window_ck check (rental_window_hours is null or rental_window_hours > 0)
);
create index content_genre_ix on content (genre);

-- content keys Kc; the current one has no retired_at
create table content_key (
    key_id       varchar(64) not null,
    content_id   varchar(64) not null,
    wrapped_key  bytea       not null,
    created_at   timestamp with time zone not null,
    retired_at   timestamp with time zone,
    constraint content_key_pk primary key (key_id),
    constraint content_key_content_fk foreign key (content_id) references content (id) on delete cascade
);
create index content_key_content_ix on content_key (content_id);

-- packages: sets of contents sold together (a subscription tier, a sports pack)
create table content_package (
    id          varchar(64)  not null,
    name        varchar(200) not null,
    created_at  timestamp with time zone not null,
    version     bigint       not null,
    constraint content_package_pk primary key (id)
);

create table content_package_item (
    package_id  varchar(64) not null,
    content_id  varchar(64) not null,
    constraint content_package_item_pk primary key (package_id, content_id),
    constraint content_package_item_package_fk foreign key (package_id) references content_package (id) on delete cascade,
    constraint content_package_item_content_fk foreign key (content_id) references content (id) on delete cascade
);
create index content_package_item_content_ix on content_package_item (content_id);

-- which subscriber may get which content: a purchase of one content, or a package
create table entitlement (
    id             varchar(64) not null,
    subscriber_id  varchar(64) not null,
    kind           varchar(16) not null,
    content_id     varchar(64),
    package_id     varchar(64),
    valid_from     timestamp with time zone not null,
    valid_until    timestamp with time zone,
    created_at     timestamp with time zone not null,
    constraint entitlement_pk primary key (id),
    constraint entitlement_subscriber_fk foreign key (subscriber_id) references subscriber (id) on delete cascade,
    constraint entitlement_content_fk foreign key (content_id) references content (id) on delete cascade,
    constraint entitlement_package_fk foreign key (package_id) references content_package (id) on delete cascade,
    constraint entitlement_kind_ck check ((kind = 'PURCHASE' and content_id is not null and package_id is null)
                                       or (kind = 'PACKAGE' and package_id is not null and content_id is null)),
    constraint entitlement_window_ck check (valid_until is null or valid_until > valid_from)
);
create index entitlement_subscriber_ix on entitlement (subscriber_id);

-- splitcast schema, version 5 (session server, seed 000): the stored versions of each content's
-- stream and the one that is served. Portable SQL (H2 2.x and PostgreSQL 12+).

-- one ingest (or one re-sealing after a key rotation) of a content's stream: its state, where its
-- files are in the media store, and what the separation produced. Its files become visible only
-- when it is READY; the selection secret that chose the bytes taken out is kept only wrapped.
create table media_version (
    id                        varchar(64)   not null,
    content_id                varchar(64)   not null,
    state                     varchar(16)   not null,
    source                    varchar(16)   not null,
    -- the content id while the version is under way, null after: at most one ingest per content
    running_for               varchar(64),
    -- the node that runs it (a restarting node fails its own interrupted versions, not another's)
    node                      varchar(128)  not null,
    source_bytes              bigint,
    main_object               varchar(512),
    complementary_object      varchar(512),
    -- the content key the complementary information is sealed under
    key_id                    varchar(64),
    wrapped_selection_secret  bytea,
    main_length               bigint,
    main_etag                 varchar(100),
    complementary_bytes       bigint,
    chunks                    bigint,
    -- the version this one re-sealed under a new key (same main stream), if it is a re-sealing
    resealed_from             varchar(64),
    report                    varchar(100000),
    error                     varchar(1000),
    started_at                timestamp with time zone not null,
    finished_at               timestamp with time zone,
    -- when it stopped being the served version (kept while licenses for its key may be valid)
    retired_at                timestamp with time zone,
    version                   bigint        not null,
    constraint media_version_pk primary key (id),
    constraint media_version_content_fk foreign key (content_id) references content (id) on delete cascade,
    constraint media_version_running_uk unique (running_for),
    constraint media_version_state_ck check (state in ('RECEIVING', 'QUEUED', 'SEPARATING', 'READY', 'FAILED', 'CANCELLED')),
    constraint media_version_source_ck check (source in ('upload', 'file', 'reseal'))
);
create index media_version_content_ix on media_version (content_id, started_at);

-- the version a content is served from (its main stream, and its chunks for the current key)
create table content_media (
    content_id    varchar(64) not null,
    version_id    varchar(64) not null,
    published_at  timestamp with time zone not null,
    version       bigint      not null,
    constraint content_media_pk primary key (content_id),
    constraint content_media_content_fk foreign key (content_id) references content (id) on delete cascade,
    constraint content_media_version_fk foreign key (version_id) references media_version (id)
);

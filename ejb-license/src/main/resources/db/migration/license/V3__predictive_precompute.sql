-- splitcast schema, version 3: the predictive precompute (seed 003, steps 112-126).
-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 12+.

-- The active users list (step 112): subscribers whose next picks may have changed since the
-- precompute step last looked at them (they joined, registered a terminal, accessed a content).
-- Step 120 takes them off in the order they came; a restart loses nothing. reason and since are
-- the first event since the subscriber was last taken off; last_event_at the latest, so that a
-- subscriber who acts again while being processed stays on the list. removed_at marks a subscriber
-- an integrator reported as removed: off the list, and kept off by anything that happened before
-- (a license issued just before the removal, swept later); the mark goes once the sweep is past it.
create table active_user (
    subscriber_id  varchar(64) not null,
    reason         varchar(16) not null,
    since          timestamp with time zone not null,
    last_event_at  timestamp with time zone not null,
    removed_at     timestamp with time zone,
    constraint active_user_pk primary key (subscriber_id),
    constraint active_user_subscriber_fk foreign key (subscriber_id) references subscriber (id) on delete cascade,
    constraint active_user_reason_ck check (reason in ('NEW_SUBSCRIBER', 'NEW_TERMINAL', 'ACCESS'))
);
create index active_user_since_ix on active_user (since);
create index active_user_removed_ix on active_user (removed_at);

-- Accesses reported by integrators (POST /api/events, accessedContents): plays that did not go
-- through this license server. With license_issue, the viewing history (database 56) that the
-- recommendation engine learns from. Kept when the terminal goes (the history is the subscriber's).
create table content_access (
    id             varchar(64) not null,
    subscriber_id  varchar(64) not null,
    terminal_id    varchar(64) not null,
    content_id     varchar(64) not null,
    accessed_at    timestamp with time zone not null,
    constraint content_access_pk primary key (id),
    constraint content_access_subscriber_fk foreign key (subscriber_id) references subscriber (id) on delete cascade,
    constraint content_access_content_fk foreign key (content_id) references content (id) on delete cascade
);
create index content_access_subscriber_ix on content_access (subscriber_id);
create index content_access_content_ix on content_access (content_id);

-- The operator's settings of the precompute (PUT /api/precompute/settings), one row at most; with
-- no row the MicroProfile Config defaults apply. Durations in seconds.
create table precompute_settings (
    id                 integer          not null,
    enabled            boolean          not null,
    threshold          double precision not null,
    interval_seconds   integer          not null,
    trend_intervals    integer          not null,
    period_seconds     integer          not null,
    policy             varchar(16)      not null,
    policy_k           integer          not null,
    list_size          integer          not null,
    max_items_per_run  integer          not null,
    item_cost          double precision not null,
    updated_at         timestamp with time zone not null,
    version            bigint           not null,
    constraint precompute_settings_pk primary key (id),
    constraint precompute_settings_single_ck check (id = 1),
    constraint precompute_settings_policy_ck check (policy in ('ALL', 'FIRST_K', 'LOAD_DEPENDENT')),
    constraint precompute_settings_ranges_ck check (threshold >= 0 and interval_seconds between 1 and 3600
        and trend_intervals between 2 and 12 and period_seconds >= 2 and policy_k between 1 and 100
        and list_size between 1 and 100 and max_items_per_run >= 0 and item_cost > 0)
);

-- The run lease and the history sweep's watermark, one row. A node runs step 120 only while it
-- holds the lease (lease_until in the future), so that two nodes never run it at once, and only
-- when the period has passed since last_run_at; accesses_swept_until is how far license_issue has
-- been read into the active list.
create table precompute_state (
    id                    integer      not null,
    lease_owner           varchar(128),
    lease_until           timestamp with time zone,
    last_run_at           timestamp with time zone,
    accesses_swept_until  timestamp with time zone,
    constraint precompute_state_pk primary key (id),
    constraint precompute_state_single_ck check (id = 1)
);
insert into precompute_state (id) values (1);

-- Every decision of the timer that got a lease: the gate's figures and what the run did (the
-- status endpoint's last run; the operator's chart).
create table precompute_run (
    id               varchar(64)      not null,
    node             varchar(128)     not null,
    started_at       timestamp with time zone not null,
    duration_millis  bigint           not null,
    outcome          varchar(16)      not null,
    reason           varchar(200)     not null,
    workload         double precision not null,
    trend            double precision not null,
    threshold        double precision not null,
    budget           integer          not null,
    users            integer          not null,
    computed         integer          not null,
    already_stored   integer          not null,
    constraint precompute_run_pk primary key (id),
    constraint precompute_run_outcome_ck check (outcome in
        ('CLOSED', 'COMPLETED', 'BUDGET_SPENT', 'GATE_CLOSED', 'PERIOD_OVER', 'DISABLED', 'FAILED'))
);
create index precompute_run_started_ix on precompute_run (started_at);

-- the sweep reads license_issue by time
create index license_issue_issued_ix on license_issue (issued_at);

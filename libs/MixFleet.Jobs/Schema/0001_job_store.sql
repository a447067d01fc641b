-- The fleet's job store (docs/jobs.md). Keys and prefixes use the "C" collation: byte order, as S3 lists them.

-- One row per job: a scan of a prefix, or the S3 events of one bucket on one UTC day. Counters are kept here so a
-- status request is one primary-key read whatever the job's size.
create table jobs (
    job_id           uuid primary key,
    kind             text not null check (kind in ('scan', 'events')),
    bucket           text not null,
    prefix           text collate "C" not null,
    profile          text not null,
    state            text not null check (state in ('listing', 'running', 'completed')),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    completed_at     timestamptz,
    -- Scan checkpoint: the ListObjectsV2 continuation token of the next page, and pages recorded so far.
    listing_token    text,
    pages_listed     integer not null default 0,
    total            integer not null default 0,
    analyzed         integer not null default 0,
    failed           integer not null default 0,
    albums_total     integer not null default 0,
    albums_reported  integer not null default 0
);
create index jobs_newest on jobs (created_at desc, job_id desc);
create index jobs_state_newest on jobs (state, created_at desc, job_id desc);
create index jobs_listing on jobs (updated_at) where state = 'listing';

-- One row per object version asked for: the unit of analysis and de-duplication across jobs, and the outbox of
-- AnalyzeTrack (dispatched_at null = not yet confirmed by the broker). etag '' = unknown.
create table objects (
    bucket            text collate "C" not null,
    key               text collate "C" not null,
    etag              text collate "C" not null,
    state             text not null check (state in ('queued', 'settled')),
    job_id            uuid not null,
    album_key         text collate "C" not null,
    profile           text not null,
    size              bigint,
    requested_at      timestamptz not null,
    dispatched_at     timestamptz,
    outcome           text check (outcome in ('analyzed', 'failed')),
    analyzed_etag     text,
    analyzer_version  text,
    error_code        text,
    settled_at        timestamptz,
    primary key (bucket, key, etag)
);
create index objects_outbox on objects (requested_at) where dispatched_at is null and state = 'queued';

-- The tracks of each job. A track settles when the analysis of its object version is reported.
create table job_tracks (
    job_id            uuid not null references jobs on delete cascade,
    key               text collate "C" not null,
    bucket            text collate "C" not null,
    etag              text collate "C" not null,
    album_key         text collate "C" not null,
    state             text not null check (state in ('pending', 'analyzed', 'failed')),
    analyzed_etag     text,
    analyzer_version  text,
    error_code        text,
    added_at          timestamptz not null,
    settled_at        timestamptz,
    primary key (job_id, key)
);
create index job_tracks_pending on job_tracks (bucket, key, etag) where state = 'pending';
create index job_tracks_album on job_tracks (job_id, album_key);
create index job_tracks_failed on job_tracks (job_id, key) where state = 'failed';

-- One counter row per (job, album). An album is sealed when no more tracks can join it (the listing moved past it,
-- or an event album stayed quiet); its aggregation is claimed exactly once when sealed and every track settled.
create table job_albums (
    job_id          uuid not null references jobs on delete cascade,
    album_key       text collate "C" not null,
    bucket          text collate "C" not null,
    expected        integer not null default 0,
    settled         integer not null default 0,
    failed          integer not null default 0,
    sealed          boolean not null default false,
    last_added_at   timestamptz not null,
    aggregation     text not null default 'pending' check (aggregation in ('pending', 'claimed', 'written')),
    claims          integer not null default 0,
    claimed_at      timestamptz,
    dispatched_at   timestamptz,
    written_at      timestamptz,
    qc_status       text,
    report_key      text,
    primary key (job_id, album_key)
);
create index job_albums_undispatched on job_albums (claimed_at) where aggregation = 'claimed' and dispatched_at is null;
create index job_albums_unsealed on job_albums (last_added_at) where not sealed;
create index job_albums_written on job_albums (job_id, album_key) where aggregation = 'written';

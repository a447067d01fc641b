-- The dashboard (docs/dashboard.md): the QC findings of every written album, and the indexes its pages page through.
-- Every page is one keyset query on one of these indexes, so a job of 100,000 tracks reads a page, never the job.

-- The warn and fail verdicts of an album report, written with it by the album aggregation (a rewrite replaces them):
-- track_key '' is an album-level rule; rule 'error' is a track that could not be analyzed (measured = its error code).
create table job_findings (
    job_id      uuid not null,
    album_key   text collate "C" not null,
    track_key   text collate "C" not null,
    rule        text collate "C" not null,
    status      text not null check (status in ('warn', 'fail')),
    measured    text,
    threshold   text,
    reason      text not null,
    primary key (job_id, album_key, track_key, rule),
    foreign key (job_id, album_key) references job_albums on delete cascade
);
-- "Failing only": the fail verdicts of a job in album, track, rule order.
create index job_findings_failing on job_findings (job_id, album_key, track_key, rule) where status = 'fail';

-- A job's albums in key order (the primary key) and its failing ones only.
create index job_albums_failing on job_albums (job_id, album_key) where qc_status = 'fail';

-- The jobs page filtered by profile, newest first.
create index jobs_profile_newest on jobs (profile, created_at desc, job_id desc);

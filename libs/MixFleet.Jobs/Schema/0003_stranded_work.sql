-- Work whose command ended in the worker's _error queue (a dependency failed longer than the worker's retries): the
-- object and its tracks are 'stranded', counted per job in failed_transient. A job with stranded tracks does not
-- complete until they are sent again (redrive) or given up; a late outcome of the same object version still settles
-- them. docs/jobs.md, "Transient failures".
alter table objects drop constraint objects_state_check;
alter table objects add constraint objects_state_check check (state in ('queued', 'settled', 'stranded'));
alter table job_tracks drop constraint job_tracks_state_check;
alter table job_tracks add constraint job_tracks_state_check check (state in ('pending', 'analyzed', 'failed', 'stranded'));
alter table jobs add column failed_transient integer not null default 0;

-- Settlement looks tracks up by object version among the open ones (pending or stranded).
drop index job_tracks_pending;
create index job_tracks_open on job_tracks (bucket, key, etag) where state in ('pending', 'stranded');
create index job_tracks_stranded on job_tracks (job_id, key) where state = 'stranded';

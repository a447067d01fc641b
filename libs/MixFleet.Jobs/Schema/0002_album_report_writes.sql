-- How many times each album's report was written (a claimed aggregation that ran again after a crash writes it again):
-- the figure operators and bench/catalog-scan.sh watch for "one album report per album".
alter table job_albums add column reports_written integer not null default 0;

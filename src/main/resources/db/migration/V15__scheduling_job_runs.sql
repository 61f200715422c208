-- Jobs that must run once per period across every instance claim the period here before they
-- run: the instance whose INSERT ... ON CONFLICT DO NOTHING lands runs the job, the others skip
-- it. The period is the cron firing time, or the interval's bucket for fixed-delay jobs. A claim
-- whose finished_at stays empty was cut short (the instance died, or the job failed); the next
-- period runs the job again. Claims older than recordsdesk.scheduling.keep-runs are deleted.
CREATE TABLE scheduled_job_run (
  job_name text NOT NULL,
  period_start timestamptz NOT NULL,
  instance_id text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NULL,
  PRIMARY KEY (job_name, period_start)
);

CREATE INDEX scheduled_job_run_period_idx ON scheduled_job_run (period_start);

-- The desk's figures of the months that are over (received, answered, answered on time), counted
-- by the job month-figures (MonthFigures) every hour, so that the dashboard and the monthly report
-- count only the current month on every view, not a year or more of requests. A month not (yet)
-- here is counted on the spot, as before.
CREATE TABLE request_month_figures (
  month      date PRIMARY KEY,  -- the month's first day, in the hospital's time zone
  received   bigint NOT NULL,
  answered   bigint NOT NULL,
  on_time    bigint NOT NULL,
  counted_at timestamptz NOT NULL
);

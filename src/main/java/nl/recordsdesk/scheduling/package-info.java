/**
 * How scheduled jobs run: the jobs' scheduler (the mail sender has its own, in
 * notifications) and {@link nl.recordsdesk.scheduling.OncePerPeriod}, which lets a job
 * run once per period across every instance by claiming the period in
 * {@code scheduled_job_run}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Scheduled jobs", allowedDependencies = {})
package nl.recordsdesk.scheduling;

import org.jspecify.annotations.NullMarked;

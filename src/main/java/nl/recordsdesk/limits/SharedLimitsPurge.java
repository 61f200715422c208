package nl.recordsdesk.limits;

import nl.recordsdesk.scheduling.OncePerPeriod;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes shared counts that no longer count (a full bucket, failures and attempts past
 * their window, locks past their time). One indexed {@code DELETE}; it would be harmless
 * on every instance, but once per period across the cluster is enough.
 */
@Component
class SharedLimitsPurge {

	private final JdbcSharedLimits limits;

	SharedLimitsPurge(JdbcSharedLimits limits) {
		this.limits = limits;
	}

	@Scheduled(fixedDelayString = "${recordsdesk.limits.purge-interval:10m}",
			initialDelayString = "${recordsdesk.limits.purge-interval:10m}")
	@OncePerPeriod("shared-limits-purge")
	void purge() {
		this.limits.purge();
	}

}

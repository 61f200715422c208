package nl.recordsdesk.limits;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes shared counts that no longer count (a full bucket, failures and attempts past
 * their window, locks past their time). One indexed {@code DELETE}: every instance runs
 * it, which is harmless, so it needs no cluster lock.
 */
@Component
class SharedLimitsPurge {

	private final JdbcSharedLimits limits;

	SharedLimitsPurge(JdbcSharedLimits limits) {
		this.limits = limits;
	}

	@Scheduled(fixedDelayString = "${recordsdesk.limits.purge-interval:10m}",
			initialDelayString = "${recordsdesk.limits.purge-interval:10m}")
	void purge() {
		this.limits.purge();
	}

}

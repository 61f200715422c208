package nl.recordsdesk.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * How many messages each client address has sent lately. The portal's general limit on
 * posts (30 a minute) suits forms that are filled in step by step, not a form that puts a
 * message in the desk's inbox and a mail in someone's mailbox: this one allows a few an
 * hour. Kept in memory, per instance, like the general limit.
 */
@Component
class ContactThrottle {

	/** Addresses tracked at most; beyond it the map is cleared (a flood, not people). */
	private static final int MAX_ADDRESSES = 100_000;

	private final ContactProperties properties;

	private final Clock clock;

	private final Map<String, Deque<Instant>> sent = new ConcurrentHashMap<>();

	ContactThrottle(ContactProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts a message from the address and answers true, or answers false (and counts
	 * nothing) when the address has sent its share for now.
	 */
	boolean tryTake(String address) {
		if (this.sent.size() >= MAX_ADDRESSES) {
			this.sent.clear();
		}
		Deque<Instant> times = this.sent.computeIfAbsent(address, (key) -> new ArrayDeque<>());
		synchronized (times) {
			forgetOld(times);
			if (times.size() >= this.properties.maxPerAddress()) {
				return false;
			}
			times.addLast(this.clock.instant());
			return true;
		}
	}

	private void forgetOld(Deque<Instant> times) {
		Instant since = this.clock.instant().minus(this.properties.addressWindow());
		while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
			times.removeFirst();
		}
	}

}

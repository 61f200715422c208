package nl.recordsdesk.eligibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects what the rules add, in the order they add it. */
final class DecisionBuilder {

	private Outcome outcome = Outcome.RECORDS_DESK;

	private final Set<ItemCode> required = EnumSet.noneOf(ItemCode.class);

	private final Set<ReasonCode> reasons = new LinkedHashSet<>();

	private final Set<NoticeCode> notices = EnumSet.noneOf(NoticeCode.class);

	DecisionBuilder physicianDecides() {
		this.outcome = Outcome.PHYSICIAN_REVIEW;
		return this;
	}

	DecisionBuilder require(ItemCode... items) {
		this.required.addAll(List.of(items));
		return this;
	}

	DecisionBuilder because(ReasonCode reason) {
		this.reasons.add(reason);
		return this;
	}

	DecisionBuilder notice(NoticeCode notice) {
		this.notices.add(notice);
		return this;
	}

	/**
	 * Not entitled: nothing is required and nothing is noticed, only the reason stays.
	 */
	void refuse(ReasonCode reason) {
		this.outcome = Outcome.NOT_ENTITLED;
		this.required.clear();
		this.notices.clear();
		this.reasons.clear();
		this.reasons.add(reason);
	}

	boolean refused() {
		return this.outcome == Outcome.NOT_ENTITLED;
	}

	EligibilityDecision build() {
		return new EligibilityDecision(this.outcome, sortedByName(this.required), new ArrayList<>(this.reasons),
				sortedByName(this.notices));
	}

	private static <E extends Enum<E>> List<E> sortedByName(Set<E> codes) {
		return codes.stream().sorted(Comparator.comparing(Enum::name)).toList();
	}

}

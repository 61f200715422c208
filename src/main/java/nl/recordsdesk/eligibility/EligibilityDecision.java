package nl.recordsdesk.eligibility;

import java.util.List;

/**
 * The rules' answer.
 *
 * @param outcome who handles the request, or that this requester is not entitled
 * @param required what the request must carry, sorted by code; empty when not entitled
 * @param reasons why this outcome and each requirement, in the order the rules found them
 * @param notices what to tell the requester, sorted by code; empty when not entitled
 */
public record EligibilityDecision(Outcome outcome, List<ItemCode> required, List<ReasonCode> reasons,
		List<NoticeCode> notices) {

	public EligibilityDecision {
		required = List.copyOf(required);
		reasons = List.copyOf(reasons);
		notices = List.copyOf(notices);
	}

	public boolean entitled() {
		return this.outcome != Outcome.NOT_ENTITLED;
	}

	public boolean requires(ItemCode item) {
		return this.required.contains(item);
	}

	/**
	 * The required items in the order a person reads them: the requester's own ID first,
	 * then what others provide, as {@link ItemCode} lists them.
	 */
	public List<ItemCode> requiredInReadingOrder() {
		return this.required.stream().sorted().toList();
	}

	/**
	 * The items someone other than the requester signs for through their own link, in
	 * reading order.
	 */
	public List<ItemCode> coSignatures() {
		return this.required.stream().filter(ItemCode::isCoSignature).sorted().toList();
	}

}

package nl.recordsdesk.eligibility;

/**
 * One rule of the contract in {@code eligibility.md}. A rule looks at the facts and adds
 * to the decision: an outcome, required items, reasons, notices, or a refusal that ends
 * the evaluation.
 */
interface Rule {

	void apply(Facts facts, DecisionBuilder decision);

}

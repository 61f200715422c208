package nl.recordsdesk.eligibility;

import static nl.recordsdesk.eligibility.AgeBand.FROM_12_TO_15;
import static nl.recordsdesk.eligibility.AgeBand.FROM_16;
import static nl.recordsdesk.eligibility.AgeBand.UNDER_12;
import static nl.recordsdesk.eligibility.ItemCode.AUTHORIZATION;
import static nl.recordsdesk.eligibility.ItemCode.CORRECTION_DETAILS;
import static nl.recordsdesk.eligibility.ItemCode.GUARDIANSHIP_PROOF;
import static nl.recordsdesk.eligibility.ItemCode.MOTIVATION;
import static nl.recordsdesk.eligibility.ItemCode.PARTNER_ID;
import static nl.recordsdesk.eligibility.ItemCode.PARTNER_SIGNATURE;
import static nl.recordsdesk.eligibility.ItemCode.PATIENT_CONSENT;
import static nl.recordsdesk.eligibility.ItemCode.REQUESTER_ID;
import static nl.recordsdesk.eligibility.ItemCode.SECOND_PARENT_ID;
import static nl.recordsdesk.eligibility.ItemCode.SECOND_PARENT_SIGNATURE;
import static nl.recordsdesk.eligibility.ItemCode.SOLE_CUSTODY_PROOF;
import static nl.recordsdesk.eligibility.ItemCode.STATEMENT;

/**
 * The rules of {@code eligibility.md}, one small policy each. Sources: the hospital's
 * page on requesting a copy ("the source"), the WGBO (Book 7 BW) and the GDPR.
 */
final class Rules {

	private Rules() {
	}

	/**
	 * A deceased patient's family has no automatic right: the treating physician or the
	 * department head weighs the request (source, "Kopie gegevens overleden patiënten";
	 * art. 7:458a BW). The age bands do not apply. Next of kin may ask for a copy or for
	 * an explanation of it (source, "Een kopie en/of uitleg"); adding to, correcting or
	 * destroying the record are rights of the patient (art. 7:454, 7:455 BW).
	 */
	record DeceasedPatient() implements Rule {

		@Override
		public void apply(Facts facts, DecisionBuilder decision) {
			if (facts.living()) {
				return;
			}
			if (!facts.requestType().openAfterDeath()) {
				decision.refuse(ReasonCode.DECEASED_COPY_OR_EXPLANATION_ONLY);
				return;
			}
			decision.physicianDecides()
				.require(REQUESTER_ID, MOTIVATION)
				.because(ReasonCode.DECEASED_PHYSICIAN_DECIDES);
			if (facts.relation() == Relation.AUTHORIZED_PERSON) {
				decision.require(AUTHORIZATION).because(ReasonCode.AUTHORIZATION_GIVEN_IN_LIFE);
			}
		}

	}

	/**
	 * The patient's own request: from 16 alone, from 12 a patient may ask for their own
	 * record (art. 7:456 and 7:465 BW); under 12 the parents or the guardian file
	 * (source, "Ouders en wettelijk vertegenwoordigers van kinderen tot 12 jaar").
	 */
	record OwnRequest() implements Rule {

		@Override
		public void apply(Facts facts, DecisionBuilder decision) {
			if (facts.deceased() || facts.relation() != Relation.SELF) {
				return;
			}
			switch (facts.ageBand()) {
				case UNDER_12 -> decision.refuse(ReasonCode.UNDER_12_PARENTS_REQUEST);
				case FROM_12_TO_15 -> decision.require(REQUESTER_ID).because(ReasonCode.OWN_REQUEST_FROM_12);
				case FROM_16 -> decision.require(REQUESTER_ID).because(ReasonCode.OWN_REQUEST);
			}
		}

	}

	/**
	 * A parent: from 16 the patient decides (source, "een kind van 16 jaar of ouder moet
	 * zelf een verzoek indienen"); without authority no copy (source, "Een
	 * niet-gezaghebbende ouder heeft geen recht", art. 1:377c BW); with joint authority
	 * both parents sign a record copy and send ID (source, "moeten beide ouders de
	 * aanvraag ondertekenen"), while for imaging one parent with authority suffices; sole
	 * authority is shown with the custody register (extension).
	 */
	record Parent() implements Rule {

		@Override
		public void apply(Facts facts, DecisionBuilder decision) {
			if (facts.deceased() || facts.relation() != Relation.PARENT) {
				return;
			}
			if (facts.ageBand() == FROM_16) {
				decision.refuse(ReasonCode.PATIENT_DECIDES_FROM_16);
				return;
			}
			ParentalAuthority authority = (facts.parentalAuthority() != null) ? facts.parentalAuthority()
					: ParentalAuthority.NONE;
			if (authority == ParentalAuthority.NONE) {
				decision.refuse(ReasonCode.NO_PARENTAL_AUTHORITY);
				return;
			}
			decision.require(REQUESTER_ID);
			if (facts.imagingCopy()) {
				decision.because(ReasonCode.ONE_PARENT_SUFFICES);
			}
			else if (authority == ParentalAuthority.JOINT) {
				decision.require(SECOND_PARENT_SIGNATURE, SECOND_PARENT_ID).because(ReasonCode.BOTH_PARENTS_SIGN);
			}
			else {
				decision.require(SOLE_CUSTODY_PROOF).because(ReasonCode.SOLE_AUTHORITY_SHOWN);
			}
			if (facts.ageBand() == UNDER_12) {
				decision.because(ReasonCode.PARENT_OF_CHILD_UNDER_12);
			}
		}

	}

	/**
	 * A court-appointed guardian stands in for the parents of a minor (art. 1:337 BW) and
	 * shows the court decision (extension); from 16 the patient decides.
	 */
	record Guardian() implements Rule {

		@Override
		public void apply(Facts facts, DecisionBuilder decision) {
			if (facts.deceased() || facts.relation() != Relation.GUARDIAN) {
				return;
			}
			if (facts.ageBand() == FROM_16) {
				decision.refuse(ReasonCode.PATIENT_DECIDES_FROM_16);
				return;
			}
			decision.require(REQUESTER_ID, GUARDIANSHIP_PROOF).because(ReasonCode.GUARDIAN_APPOINTED);
		}

	}

	/**
	 * Anyone else receives a copy only with a written authorization and an ID copy
	 * (source, "alleen gedaan nadat wij een daarvoor bestemde machtiging hebben
	 * ontvangen"); for a child under 16 those with authority sign it.
	 */
	record AuthorizedPerson() implements Rule {

		@Override
		public void apply(Facts facts, DecisionBuilder decision) {
			if (facts.deceased() || facts.relation() != Relation.AUTHORIZED_PERSON) {
				return;
			}
			decision.require(REQUESTER_ID, AUTHORIZATION)
				.because((facts.ageBand() == FROM_16) ? ReasonCode.AUTHORIZED_BY_PATIENT
						: ReasonCode.AUTHORIZED_BY_PARENTS);
		}

	}

	/**
	 * Relatives of a living patient have no right of their own: only with the patient's
	 * written authorization (source, "Uw familieleden hebben alleen recht op een kopie
	 * ... als u hen daar schriftelijk voor heeft gemachtigd").
	 */
	record NextOfKinOfLivingPatient() implements Rule {

		@Override
		public void apply(Facts facts, DecisionBuilder decision) {
			if (facts.living() && facts.relation() == Relation.NEXT_OF_KIN) {
				decision.refuse(ReasonCode.AUTHORIZATION_REQUIRED);
			}
		}

	}

	/**
	 * A child from 12 to 15 agrees personally when someone else asks for their data
	 * (source, "Een kind tussen de 12 en 16 jaar moet voor akkoord tekenen"; art. 7:465
	 * lid 2 BW).
	 */
	record ChildConsent() implements Rule {

		@Override
		public void apply(Facts facts, DecisionBuilder decision) {
			if (facts.living() && facts.ageBand() == FROM_12_TO_15 && facts.relation() != Relation.SELF) {
				decision.require(PATIENT_CONSENT).because(ReasonCode.CHILD_12_TO_15_CONSENTS);
			}
		}

	}

	/**
	 * An IVF/ICSI record holds the partner's data too: the partner signs and sends ID,
	 * and the desk cannot hand it over the same day (source, "Aanvraag gegevens IVF/ICSI
	 * behandeling").
	 */
	record IvfPartner() implements Rule {

		@Override
		public void apply(Facts facts, DecisionBuilder decision) {
			if (facts.ivfTreatment() && facts.recordCopy()) {
				decision.require(PARTNER_SIGNATURE, PARTNER_ID)
					.because(ReasonCode.IVF_PARTNER_SIGNS)
					.notice(NoticeCode.NO_EXPEDITED_DESK_HANDLING);
			}
		}

	}

	/**
	 * The DVD: a fee paid by debit card only, while the hospital charges one, ID shown at
	 * the radiology desk, and studies from before 2005 need a phone call first (source,
	 * "Kopie van een röntgenfoto, MRI of CT-scan aanvragen"). The fee is a setting: GDPR
	 * art. 15(3) and CJEU C-307/22 make the first copy free.
	 */
	record ImagingPickup(Fees fees) implements Rule {

		@Override
		public void apply(Facts facts, DecisionBuilder decision) {
			if (!facts.imagingCopy()) {
				return;
			}
			if (this.fees.imagingDvdCharged()) {
				decision.notice(NoticeCode.DVD_FEE_PIN_ONLY);
			}
			decision.notice(NoticeCode.SHOW_ID_AT_PICKUP);
			if (facts.studiesBefore2005()) {
				decision.notice(NoticeCode.CALL_RADIOLOGY_FIRST);
			}
		}

	}

	/**
	 * The rights beside a copy, each with what it needs and who decides: the patient's
	 * own statement is added to the record (art. 7:454 lid 2 BW); factual data are
	 * corrected (GDPR art. 16); the record is destroyed within three months unless
	 * keeping it is of considerable importance to someone else or the law forbids it,
	 * which a physician decides (art. 7:455 BW); an overview of who accessed or received
	 * the data (art. 15e Wabvpz); a conversation in which the treating physician explains
	 * the record (source, "uitleg over uw dossier"). Who may ask follows the rules for a
	 * record copy.
	 */
	record OtherRights() implements Rule {

		@Override
		public void apply(Facts facts, DecisionBuilder decision) {
			switch (facts.requestType()) {
				case ADDITION -> decision.require(STATEMENT).because(ReasonCode.STATEMENT_ADDED);
				case CORRECTION -> decision.require(CORRECTION_DETAILS).because(ReasonCode.FACTUAL_DATA_CORRECTED);
				case DESTRUCTION -> decision.physicianDecides().because(ReasonCode.DESTRUCTION_PHYSICIAN_CHECKS);
				case ACCESS_LOG_OVERVIEW -> decision.because(ReasonCode.ACCESS_LOG_LISTED);
				case EXPLANATION -> decision.because(ReasonCode.EXPLANATION_BY_PHYSICIAN);
				case RECORD_COPY, IMAGING_COPY -> {
				}
			}
		}

	}

}

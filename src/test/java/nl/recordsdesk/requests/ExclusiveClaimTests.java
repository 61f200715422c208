package nl.recordsdesk.requests;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static nl.recordsdesk.requests.Filings.NOW;
import static nl.recordsdesk.requests.Filings.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The claim is exclusive: only the handler acts on a claimed request, in every state and
 * for every desk action; a colleague takes it over first, and the history names whom
 * from.
 */
class ExclusiveClaimTests {

	static final String HANDLER = "anna";

	static final String COLLEAGUE = "bram";

	/** Each desk action, on a request its handler could do it on now. */
	static Stream<Arguments> actions() {
		return Stream.of(
				action("claim", ExclusiveClaimTests::answeredAndBackInTheQueue,
						(r, by) -> r.claim(Actor.staff(by), NOW)),
				action("release", ExclusiveClaimTests::claimed, (r, by) -> r.release(Actor.staff(by), NOW)),
				action("hand-over", ExclusiveClaimTests::claimed,
						(r, by) -> r.handOver(Actor.staff(by), Actor.staff("derde"), NOW)),
				action("verify", ExclusiveClaimTests::claimed, (r, by) -> r.verifyIdentity(Actor.staff(by), NOW)),
				action("ask", ExclusiveClaimTests::claimed,
						(r, by) -> r.askRequester(Actor.staff(by), "Welk jaar?", null, NOW)),
				action("forward", ExclusiveClaimTests::deceasedVerified,
						(r, by) -> r.forwardToPhysician(Actor.staff(by), NOW)),
				action("approve", ExclusiveClaimTests::verified, (r, by) -> r.approve(Actor.staff(by), NOW)),
				action("reject", ExclusiveClaimTests::claimed,
						(r, by) -> r.reject(Actor.staff(by), "Geen machtiging.", NOW)),
				action("extend", ExclusiveClaimTests::claimed,
						(r, by) -> r.extendDeadline(Actor.staff(by), 1, "Het dossier is groot.", NOW, ZONE)),
				action("prepare", () -> approved(RequestType.RECORD_COPY),
						(r, by) -> r.recordPreparation(Actor.staff(by), "Het hele dossier", NOW)),
				action("ready", ExclusiveClaimTests::prepared, (r, by) -> r.markReady(Actor.staff(by), NOW)),
				action("deliver", ExclusiveClaimTests::ready,
						(r, by) -> r.markDelivered(Actor.staff(by), true, false, false, NOW)),
				action("appointment", () -> approved(RequestType.EXPLANATION),
						(r, by) -> r.scheduleAppointment(Actor.staff(by), NOW.plus(Duration.ofDays(7)), "Polikliniek",
								NOW, ZONE)),
				action("complete", () -> approved(RequestType.ADDITION),
						(r, by) -> r.complete(Actor.staff(by), "Toegevoegd aan het dossier.", NOW)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actions")
	void aColleagueIsRefused(String name, Supplier<Request> arrange, BiConsumer<Request, String> action) {
		Request request = arrange.get();
		RequestStatus before = request.status();
		int steps = request.history().size();
		assertThatExceptionOfType(NotTheHandlerException.class).isThrownBy(() -> action.accept(request, COLLEAGUE))
			.satisfies((refused) -> assertThat(refused.handler()).isEqualTo(HANDLER));
		assertThat(request.status()).isEqualTo(before);
		assertThat(request.assignedTo()).isEqualTo(HANDLER);
		assertThat(request.history()).hasSize(steps);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actions")
	void aColleagueWhoTookItOverActs(String name, Supplier<Request> arrange, BiConsumer<Request, String> action) {
		Request request = arrange.get();
		RequestStatus before = request.status();
		assertThat(request.takeOver(Actor.staff(COLLEAGUE), NOW)).isEqualTo(HANDLER);
		assertThat(request.status()).isEqualTo(before);
		assertThat(request.assignedTo()).isEqualTo(COLLEAGUE);
		assertThat(request.history()).last().satisfies((step) -> {
			assertThat(step.type()).isEqualTo(RequestEvent.Type.TAKEN_OVER);
			assertThat(step.actor()).isEqualTo(COLLEAGUE);
			assertThat(step.detail()).isEqualTo(HANDLER);
		});
		action.accept(request, COLLEAGUE);
		// And now the one who handled it before is the colleague.
		assertThat(request.history()).last().extracting(RequestEvent::actor).isEqualTo(COLLEAGUE);
	}

	@Test
	void onlyARequestSomeoneElseHandlesIsTakenOver() {
		Request queued = filed(RequestType.RECORD_COPY);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> queued.takeOver(Actor.staff(COLLEAGUE), NOW))
			.withMessageContaining("claim");
		Request own = claimed();
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> own.takeOver(Actor.staff(HANDLER), NOW));
		Request closed = ready();
		closed.markDelivered(Actor.staff(HANDLER), true, false, false, NOW);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> closed.takeOver(Actor.staff(COLLEAGUE), NOW));
	}

	@Test
	void aRequestInTheQueueIsAnyonesAndANoteIsAnyonesToo() {
		Request queued = filed(RequestType.RECORD_COPY);
		queued.extendDeadline(Actor.staff(COLLEAGUE), 1, "Het dossier is groot.", NOW, ZONE);
		Request request = claimed();
		request.addNote(Actor.staff(COLLEAGUE), "De aanvrager belde: zij is volgende week weg.", NOW);
		assertThat(request.notes()).extracting(Note::writtenBy).containsExactly(COLLEAGUE);
		assertThat(request.assignedTo()).isEqualTo(HANDLER);
	}

	@Test
	void aPhysicianDecidesWhoeverHandlesTheRequestAtTheDesk() {
		Request request = deceasedVerified();
		request.forwardToPhysician(Actor.staff(HANDLER), NOW);
		request.decide(Actor.staff("dr-vos"), BackOfficeTests.GRANT, NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
		assertThat(request.assignedTo()).isEqualTo(HANDLER);
	}

	static Arguments action(String name, Supplier<Request> arrange, BiConsumer<Request, String> action) {
		return Arguments.of(name, arrange, action);
	}

	static Request filed(RequestType type) {
		NewRequest form = Filings.form(type, LocalDate.of(1980, 4, 4), false, Relation.SELF, null, false,
				Map.of(ItemCode.REQUESTER_ID, Filings.file("id.pdf")), java.util.List.of(), null);
		return Filings.file(form, 11).request();
	}

	static Request claimed() {
		Request request = filed(RequestType.RECORD_COPY);
		request.claim(Actor.staff(HANDLER), NOW);
		return request;
	}

	static Request verified() {
		Request request = claimed();
		request.verifyIdentity(Actor.staff(HANDLER), NOW);
		return request;
	}

	static Request deceasedVerified() {
		Request request = Filings.file(Filings.nextOfKin(), 12).request();
		request.claim(Actor.staff(HANDLER), NOW);
		request.verifyIdentity(Actor.staff(HANDLER), NOW);
		return request;
	}

	/** Asked, answered: back in the queue, still the handler's. */
	static Request answeredAndBackInTheQueue() {
		Request request = claimed();
		request.askRequester(Actor.staff(HANDLER), "Welk jaar?", null, NOW);
		request.answerQuestions("2024", NOW);
		return request;
	}

	static Request approved(RequestType type) {
		Request request = filed(type);
		request.claim(Actor.staff(HANDLER), NOW);
		request.verifyIdentity(Actor.staff(HANDLER), NOW);
		request.approve(Actor.staff(HANDLER), NOW);
		return request;
	}

	static Request prepared() {
		Request request = approved(RequestType.RECORD_COPY);
		request.recordPreparation(Actor.staff(HANDLER), "Het hele dossier", NOW);
		return request;
	}

	static Request ready() {
		Request request = prepared();
		request.markReady(Actor.staff(HANDLER), NOW);
		return request;
	}

}

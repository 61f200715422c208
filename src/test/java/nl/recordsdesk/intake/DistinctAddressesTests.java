package nl.recordsdesk.intake;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import nl.recordsdesk.eligibility.ItemCode;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link DistinctAddresses} by itself, with a plain {@link Validator}: each violation at
 * the row's address, with the message for the requester's address or a second use.
 */
class DistinctAddressesTests {

	private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private final Validator validator = factory.getValidator();

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void theRequestersAddressAndASecondUseAreSaidAtTheirRow() {
		CoSignersForm form = form("anna@example.org", "carla@example.org", " Carla@Example.ORG ")
			.besideRequester(" ANNA@example.org");

		assertThat(distinct(form)).containsExactlyInAnyOrder(
				tuple("rows[0].email", "{request.cosigners.email.requesters}"),
				tuple("rows[2].email", "{request.cosigners.email.twice}"));
	}

	@Test
	void theRequestersAddressTwiceIsTheRequestersEachTime() {
		CoSignersForm form = form("anna@example.org", "anna@example.org").besideRequester("anna@example.org");

		assertThat(distinct(form)).containsExactly(tuple("rows[0].email", "{request.cosigners.email.requesters}"),
				tuple("rows[1].email", "{request.cosigners.email.requesters}"));
	}

	@Test
	void anAddressNotWrittenOrNotReadableIsLeftToTheRowsOwnChecks() {
		CoSignersForm form = form("", "bert at example", "bert at example", null).besideRequester(null);

		assertThat(distinct(form)).isEmpty();
		assertThat(this.validator.validate(form)).extracting(ConstraintViolation::getMessageTemplate)
			.containsOnly("{request.requester.email.required}", "{request.requester.email.invalid}");
	}

	@Test
	void differentAddressesHold() {
		assertThat(distinct(form("bert@example.org", "carla@example.org").besideRequester("anna@example.org")))
			.isEmpty();
	}

	private List<Tuple> distinct(CoSignersForm form) {
		return this.validator.validate(form)
			.stream()
			.filter((violation) -> violation.getConstraintDescriptor().getAnnotation() instanceof DistinctAddresses)
			.map((violation) -> tuple(violation.getPropertyPath().toString(), violation.getMessageTemplate()))
			.toList();
	}

	private static CoSignersForm form(String... emails) {
		CoSignersForm form = new CoSignersForm();
		form.setRows(Arrays.stream(emails).map((email) -> {
			CoSignersForm.Row row = new CoSignersForm.Row(ItemCode.SECOND_PARENT_SIGNATURE);
			row.setName("Bert");
			row.setEmail(email);
			return row;
		}).toList());
		return form;
	}

}

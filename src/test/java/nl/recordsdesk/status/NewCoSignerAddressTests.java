package nl.recordsdesk.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import nl.recordsdesk.intake.FormValidation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A co-signer's new address on the status page: written, readable, not the requester's,
 * not another co-signer's; one message at a time, compared without case and space.
 */
class NewCoSignerAddressTests {

	private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private final FormValidation validation = new FormValidation(factory);

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void anAddressIsWrittenAndReadable() {
		assertThat(problems(null)).containsExactly("request.requester.email.required");
		assertThat(problems(" \u2003")).containsExactly("request.requester.email.required");
		assertThat(problems("bert at example.org")).containsExactly("request.requester.email.invalid");
		assertThat(problems("b".repeat(NewCoSignerAddress.MAX_LENGTH) + "@example.org"))
			.containsExactly("request.requester.email.invalid");
	}

	@Test
	void itIsNeitherTheRequestersNorAnotherCoSigners() {
		assertThat(problems(" ANNA@example.org ")).containsExactly("request.cosigners.email.requesters");
		assertThat(problems("Carla@Example.org")).containsExactly("request.cosigners.email.twice");
	}

	@Test
	void aNewAddressOrTheSameOnePasses() {
		assertThat(problems("bert@example.org")).isEmpty();
		assertThat(new NewCoSignerAddress("  bert@example.org ", "anna@example.org", List.of()).address())
			.isEqualTo("bert@example.org");
	}

	private List<String> problems(String address) {
		NewCoSignerAddress checked = new NewCoSignerAddress(address, "anna@example.org", List.of("carla@example.org"));
		MapBindingResult errors = new MapBindingResult(new HashMap<>(Map.of("address", checked.address())), "reinvite");
		this.validation.validate(checked, errors);
		return errors.getFieldErrors().stream().map(FieldError::getCode).toList();
	}

}

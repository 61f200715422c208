package nl.recordsdesk.status;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import nl.recordsdesk.intake.FormValidation;
import nl.recordsdesk.intake.SignatureFields;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A co-signer's own page, checked through the form's Bean Validation: an adult and a
 * child are asked the same, each in their own words (moved here from the form's
 * {@code FormValidationTests} with the page).
 */
class CoSignFormTests {

	private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private final FormValidation validation = new FormValidation(factory);

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void anAdultIsAskedForTheNameAndTheDeclaration() {
		assertThat(errors(new CoSignForm(), false)).containsExactlyInAnyOrder(
				tuple("signatureName", "request.signature.name.required"),
				tuple("declaration", "cosign.declaration.required"));
	}

	@Test
	void aChildIsAskedTheSameInItsOwnWords() {
		CoSignForm form = new CoSignForm();
		form.setDrawnSignature("data:image/png;base64,AAAA");
		assertThat(errors(form, true)).containsExactlyInAnyOrder(
				tuple("signatureName", "request.signature.name.required.child"),
				tuple("declaration", "cosign.declaration.required.child"),
				tuple("drawnSignature", "request.signature.drawing.invalid.child"));
	}

	@Test
	void aTooLongNameSaysItsMaximumToEither() {
		CoSignForm form = new CoSignForm();
		form.setSignatureName("N".repeat(SignatureFields.MAX_NAME + 1));
		form.setDeclaration(true);
		assertThat(errors(form, false)).containsExactly(tuple("signatureName", "request.tooLong"));
		assertThat(errors(form, true)).containsExactly(tuple("signatureName", "request.tooLong"));
	}

	private List<Tuple> errors(CoSignForm form, boolean child) {
		BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "coSignForm");
		this.validation.validate(form, binding, CoSignForm.checks(child));
		return binding.getFieldErrors().stream().map((error) -> tuple(error.getField(), error.getCode())).toList();
	}

}

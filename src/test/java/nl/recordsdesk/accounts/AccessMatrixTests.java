package nl.recordsdesk.accounts;

import java.util.stream.Stream;

import nl.recordsdesk.web.WebSliceConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Who reaches which staff URL, by link and by form post: anonymous visitors are sent to
 * sign in, a member without the role gets 403, a member with it gets through. The desk,
 * review and audit pages do not exist yet: there the right role's 404 is left alone, only
 * the others' refusal is checked.
 */
@WebMvcTest(controllers = { StaffHomeController.class, AccountAdminController.class, SignInController.class })
@Import(WebSliceConfiguration.class)
class AccessMatrixTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	StaffAccountAdministration administration;

	@MockitoBean
	PasswordChange passwordChange;

	/** Each staff URL and the role it needs (null: any signed-in member). */
	static Stream<Arguments> matrix() {
		Stream.Builder<Arguments> rows = Stream.builder();
		String[][] urls = { { "/desk", Roles.DESK }, { "/review", Roles.PHYSICIAN }, { "/admin/accounts", Roles.ADMIN },
				{ "/audit", Roles.AUDITOR }, { "/staff", null } };
		for (String[] url : urls) {
			rows.add(Arguments.of(url[0], null, Outcome.SIGN_IN));
			for (String persona : Roles.ALL) {
				Outcome outcome = (url[1] == null || url[1].equals(persona)) ? Outcome.THROUGH : Outcome.REFUSED;
				rows.add(Arguments.of(url[0], persona, outcome));
			}
		}
		return rows.build();
	}

	@ParameterizedTest(name = "{1} on {0}: {2}")
	@MethodSource("matrix")
	void byLink(String url, @Nullable String persona, Outcome outcome) {
		outcome.check(this.mvc.get().uri(url).with(as(persona)).exchange());
	}

	@ParameterizedTest(name = "{1} posting to {0}: {2}")
	@MethodSource("matrix")
	void byFormPost(String url, @Nullable String persona, Outcome outcome) {
		outcome.check(this.mvc.post().uri(url).with(csrf()).with(as(persona)).exchange());
	}

	/**
	 * No such account can be made any more (SeparationOfDuties), but one from before
	 * keeps its access until an administrator takes a role away: the filter chain goes by
	 * role.
	 */
	@Test
	void anAdministratorWhoIsAlsoDeskStaffReachesTheDesk() {
		Authentication both = WithStaffSecurityContextFactory.withRoles(Roles.ADMIN, Roles.DESK);
		Outcome.THROUGH.check(this.mvc.get().uri("/desk/queue").with(authentication(both)).exchange());
		Outcome.REFUSED.check(this.mvc.get().uri("/review").with(authentication(both)).exchange());
	}

	@Test
	@WithDeskUser
	void aFormPostWithoutItsCsrfTokenIsRefused() {
		// Nothing is done; without a session (the usual cause: it expired) the way on is
		// signing in again, with the notice that the session ended.
		assertThat(this.mvc.post().uri("/desk")).hasStatus(302).hasRedirectedUrl("/login?expired");
		assertThat(this.mvc.post().uri("/logout")).hasStatus(302).hasRedirectedUrl("/login?expired");
	}

	@Test
	@WithStaff(roles = Roles.DESK, secondFactor = false)
	void withThePasswordAloneEveryStaffPageAsksForTheCode() {
		for (String url : new String[] { "/desk", "/staff", "/login/password", "/review" }) {
			assertThat(this.mvc.get().uri(url)).as(url)
				.hasStatus(302)
				.hasRedirectedUrl("/login/totp?factor.type=totp&factor.reason=missing");
		}
		assertThat(this.mvc.get().uri("/login/totp")).hasStatusOk();
	}

	@Test
	void theLoginPageIsOpenAndTheCodePageIsNot() {
		assertThat(this.mvc.get().uri("/login")).hasStatusOk()
			.bodyText()
			.contains("<h1>Aanmelden voor medewerkers</h1>", "autocomplete=\"current-password\"", "name=\"_csrf\"");
		assertThat(this.mvc.get().uri("/login").param("lang", "en")).bodyText().contains("<h1>Sign in for staff</h1>");
		assertThat(this.mvc.get().uri("/login/totp")).hasStatus(302).hasRedirectedUrl("/login");
	}

	private static RequestPostProcessor as(@Nullable String persona) {
		return (persona != null) ? authentication(WithStaffSecurityContextFactory.withRoles(persona))
				: (request) -> request;
	}

	enum Outcome {

		/** Sent to the login page. */
		SIGN_IN {
			@Override
			void check(MvcTestResult result) {
				assertThat(result).hasStatus(302).hasRedirectedUrl("/login");
			}
		},

		/** The error page: no access. */
		REFUSED {
			@Override
			void check(MvcTestResult result) {
				assertThat(result).hasStatus(403);
			}
		},

		/**
		 * Past security: whatever the page answers (a page not built yet: 404; a post the
		 * page does not take: 405), it is neither a refusal nor a sign-in.
		 */
		THROUGH {
			@Override
			void check(MvcTestResult result) {
				assertThat(result.getResponse().getStatus()).isNotEqualTo(403).isNotEqualTo(401);
				assertThat(result.getResponse().getRedirectedUrl()).as("not sent to sign in")
					.satisfiesAnyOf((url) -> assertThat(url).isNull(),
							(url) -> assertThat(url).doesNotContain("/login"));
			}
		};

		abstract void check(MvcTestResult result);

	}

}

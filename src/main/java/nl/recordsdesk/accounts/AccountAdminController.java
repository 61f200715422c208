package nl.recordsdesk.accounts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import nl.recordsdesk.accounts.SeparationOfDuties.Refusal;
import nl.recordsdesk.accounts.SeparationOfDuties.RolesRefusedException;
import nl.recordsdesk.accounts.StaffAccountAdministration.Created;
import nl.recordsdesk.accounts.StaffAccountAdministration.SelfLockoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' pages for staff accounts: list, create, change roles and
 * departments, disable and enable, reset a password or second factor. A one-time password
 * is shown once, on the page after the change. A change that takes something away ends
 * the account's sessions. Roles are given only as {@link SeparationOfDuties} allows: a
 * refusal is the roles field's message, and is recorded in the audit trail.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

	/**
	 * Flash attribute: the one-time password on its way to the page that shows it,
	 * encrypted, because flash attributes pass through the session in the database.
	 */
	static final String SEALED_ONE_TIME_PASSWORD = "sealedOneTimePassword";

	private final StaffAccountAdministration administration;

	private final StaffSessions sessions;

	private final TotpSecretCipher cipher;

	AccountAdminController(StaffAccountAdministration administration, StaffSessions sessions, TotpSecretCipher cipher) {
		this.administration = administration;
		this.sessions = sessions;
		this.cipher = cipher;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("accounts", this.administration.list());
		return "accounts/admin/list";
	}

	@GetMapping("/new")
	String newAccount(Model model) {
		model.addAttribute("accountForm", new AccountForm());
		return newView(model);
	}

	@PostMapping
	String create(@ModelAttribute AccountForm accountForm, BindingResult binding,
			@AuthenticationPrincipal StaffMember me, Model model, RedirectAttributes redirect) {
		accountForm.validate(binding, true);
		if (!binding.hasFieldErrors("username")
				&& this.administration.usernameTaken(accountForm.normalizedUsername())) {
			binding.rejectValue("username", "accounts.admin.username.taken");
		}
		checkRoles(null, accountForm.normalizedUsername(), accountForm, binding, me);
		if (binding.hasErrors()) {
			return newView(model);
		}
		Created created;
		try {
			created = this.administration.create(accountForm, me.id());
		}
		catch (DataIntegrityViolationException ex) {
			// Someone else took the username in the meantime.
			binding.rejectValue("username", "accounts.admin.username.taken");
			return newView(model);
		}
		catch (RolesRefusedException ex) {
			reject(binding, ex.refusal());
			return newView(model);
		}
		redirect.addFlashAttribute(SEALED_ONE_TIME_PASSWORD, seal(created.oneTimePassword(), created.id()));
		redirect.addFlashAttribute("created", true);
		return "redirect:/admin/accounts/" + created.id();
	}

	@GetMapping("/{id}")
	String account(@PathVariable UUID id, @AuthenticationPrincipal StaffMember me, Model model) {
		StaffAccount account = existing(id);
		if (model.getAttribute(SEALED_ONE_TIME_PASSWORD) instanceof String sealed) {
			model.addAttribute("oneTimePassword", new String(this.cipher.decrypt(sealed, id), StandardCharsets.UTF_8));
		}
		if (!model.containsAttribute("accountForm")) {
			model.addAttribute("accountForm", AccountForm.of(account));
		}
		return accountView(account, me, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @ModelAttribute AccountForm accountForm, BindingResult binding,
			@AuthenticationPrincipal StaffMember me, Model model, RedirectAttributes redirect,
			HttpServletRequest request) {
		StaffAccount account = existing(id);
		accountForm.setUsername(account.username());
		accountForm.validate(binding, false);
		checkRoles(id, account.username(), accountForm, binding, me);
		if (binding.hasErrors()) {
			return accountView(account, me, model);
		}
		try {
			this.administration.update(id, accountForm, me.id());
		}
		catch (RolesRefusedException ex) {
			// Someone changed the account's roles since the check: refused (and
			// recorded).
			reject(binding, ex.refusal());
			return accountView(account, me, model);
		}
		// New roles apply from the next sign-in; one taken away must not linger.
		this.sessions.endAll(account.username(), request);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable UUID id, @AuthenticationPrincipal StaffMember me, RedirectAttributes redirect,
			HttpServletRequest request) {
		StaffAccount account = existing(id);
		try {
			this.administration.disable(id, me.id());
		}
		catch (SelfLockoutException ex) {
			redirect.addFlashAttribute("refused", "accounts.admin.disable.own");
			return "redirect:/admin/accounts/" + id;
		}
		this.sessions.endAll(account.username(), request);
		redirect.addFlashAttribute("done", "accounts.admin.disabled");
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable UUID id, @AuthenticationPrincipal StaffMember me, RedirectAttributes redirect) {
		existing(id);
		this.administration.enable(id, me.id());
		redirect.addFlashAttribute("done", "accounts.admin.enabled");
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable UUID id, @AuthenticationPrincipal StaffMember me, RedirectAttributes redirect,
			HttpServletRequest request) {
		StaffAccount account = existing(id);
		if (account.linked()) {
			redirect.addFlashAttribute("refused", "accounts.admin.sso.notHere");
			return "redirect:/admin/accounts/" + id;
		}
		redirect.addFlashAttribute(SEALED_ONE_TIME_PASSWORD, seal(this.administration.resetPassword(id, me.id()), id));
		this.sessions.endAll(account.username(), request);
		redirect.addFlashAttribute("done", "accounts.admin.passwordReset");
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/{id}/second-factor")
	String resetSecondFactor(@PathVariable UUID id, @AuthenticationPrincipal StaffMember me,
			RedirectAttributes redirect, HttpServletRequest request) {
		StaffAccount account = existing(id);
		if (account.linked()) {
			redirect.addFlashAttribute("refused", "accounts.admin.sso.notHere");
			return "redirect:/admin/accounts/" + id;
		}
		this.administration.resetSecondFactor(id, me.id());
		this.sessions.endAll(account.username(), request);
		redirect.addFlashAttribute("done", "accounts.admin.secondFactorReset");
		return "redirect:/admin/accounts/" + id;
	}

	/**
	 * Whether the roles may be given, told as the roles field's message (and a refusal
	 * recorded), unless that field already has a message of its own (none, unknown).
	 */
	private void checkRoles(@Nullable UUID id, String username, AccountForm form, BindingResult binding,
			StaffMember me) {
		if (!binding.hasFieldErrors("roles")) {
			this.administration.checkRoles(id, username, Set.copyOf(form.getRoles()), me.id())
				.ifPresent((refusal) -> reject(binding, refusal));
		}
	}

	private static void reject(BindingResult binding, Refusal refusal) {
		binding.rejectValue("roles", refusal.reason().messageCode());
	}

	private String seal(String oneTimePassword, UUID accountId) {
		return this.cipher.encrypt(oneTimePassword.getBytes(StandardCharsets.UTF_8), accountId);
	}

	private StaffAccount existing(UUID id) {
		return this.administration.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String newView(Model model) {
		model.addAttribute("roles", Roles.ALL);
		return "accounts/admin/new";
	}

	private static String accountView(StaffAccount account, StaffMember me, Model model) {
		model.addAttribute("account",
				new AccountView(account.id(), account.username(), account.displayName(), account.enabled(),
						account.secondFactorEnrolled(), account.mustChangePassword(), account.id().equals(me.id()),
						SeparationOfDuties.excluded(account.roles()), account.linked()));
		model.addAttribute("roles", Roles.ALL);
		return "accounts/admin/account";
	}

	/**
	 * The account as its page shows it.
	 *
	 * @param excluded the roles it holds that {@code ADMIN} excludes, from before that
	 * rule: to be taken away
	 * @param linked whether it signs in through the hospital's provider (no password or
	 * TOTP here; its roles come from its groups there at every sign-in)
	 */
	record AccountView(UUID id, String username, String displayName, boolean enabled, boolean secondFactorEnrolled,
			boolean mustChangePassword, boolean own, List<String> excluded, boolean linked) {

	}

}

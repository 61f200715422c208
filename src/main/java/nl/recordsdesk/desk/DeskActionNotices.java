package nl.recordsdesk.desk;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import nl.recordsdesk.requests.IllegalTransitionException;
import nl.recordsdesk.requests.NotTheHandlerException;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A desk action the request refused, told on the request page as it now is (nothing of
 * the attempt was saved): someone was first ({@code desk.problem.conflict}), a colleague
 * handles it ({@code desk.problem.notHandler}, the page offers to take it over), or the
 * step does not fit the request now ({@code desk.problem.<action>}, saying what it
 * needs). Caught after {@link DeskService}'s transaction has ended, so a conflict found
 * at commit is told the same way.
 */
@ControllerAdvice(assignableTypes = DeskActionsController.class)
class DeskActionNotices {

	static final String PROBLEM = "problem";

	@ExceptionHandler
	String someoneWasFirst(RequestChangedException ex, HttpServletRequest request, RedirectAttributes redirect) {
		return notice(request, "conflict", redirect);
	}

	@ExceptionHandler
	String aColleagueHandlesIt(NotTheHandlerException ex, HttpServletRequest request, RedirectAttributes redirect) {
		return notice(request, "notHandler", redirect);
	}

	/**
	 * The aggregate's refusal of a step its state does not allow, or of what only it can
	 * judge (a fee not paid at pickup, a second extension, a colleague who is not at the
	 * desk, a copy that waits for its virus scan).
	 */
	@ExceptionHandler({ IllegalTransitionException.class, IllegalArgumentException.class })
	String notNow(RuntimeException ex, HttpServletRequest request, RedirectAttributes redirect) {
		String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return notice(request, pattern.substring(pattern.lastIndexOf('/') + 1), redirect);
	}

	private static String notice(HttpServletRequest request, String problem, RedirectAttributes redirect) {
		redirect.addFlashAttribute(PROBLEM, problem);
		@SuppressWarnings("unchecked")
		Map<String, String> path = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return requestPage(path.get("reference"));
	}

	static String requestPage(String reference) {
		return "redirect:/desk/requests/" + reference;
	}

}

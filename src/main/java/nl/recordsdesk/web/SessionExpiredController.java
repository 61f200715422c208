package nl.recordsdesk.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page for a form that arrived without its session (see {@link RefusedPosts}, which
 * forwards the refused post here with status 403). Any method: the post is forwarded as
 * it came.
 */
@Controller
class SessionExpiredController {

	private final Duration timeout;

	SessionExpiredController(@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		this.timeout = timeout;
	}

	@RequestMapping(RefusedPosts.PAGE)
	String sessionExpired(HttpServletRequest request, Model model) {
		model.addAttribute("sessionGone", !Boolean.FALSE.equals(request.getAttribute(RefusedPosts.SESSION_GONE)));
		Object restart = request.getAttribute(RefusedPosts.RESTART);
		model.addAttribute("restart", (restart instanceof String path) ? path : "/");
		model.addAttribute("timeoutMinutes", this.timeout.toMinutes());
		return "session-expired";
	}

}

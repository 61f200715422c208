package nl.recordsdesk.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Input a page's handler cannot take at all, where no form shows its own message: a
 * {@code @RequestParam} that {@link PlainText} refused or that is no number, a search
 * bound without a {@code BindingResult}, a required parameter left out. A page for a
 * person answers with the page and a message ({@code form.unreadable}) rather than an
 * error page: a search starts again from the page without its query, a post goes back to
 * the page it came from. Nothing was done with the input. The last of the advices: a
 * module's own handling comes first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class InputRefused {

	static final String NOTICE = "inputRefused";

	@ExceptionHandler({ TypeMismatchException.class, BindException.class,
			MissingServletRequestParameterException.class })
	ModelAndView refused(HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect)
			throws IOException {
		boolean get = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
		if (get && request.getParameterMap().isEmpty()) {
			// Only the path can be wrong (a reference or id that is no such thing): there
			// is
			// no page there, and going back to it would go round in circles.
			response.sendError(HttpStatus.NOT_FOUND.value());
			return new ModelAndView();
		}
		redirect.addFlashAttribute(NOTICE, true);
		String page = get ? request.getRequestURI().substring(request.getContextPath().length())
				: RefusedPosts.restart(request);
		RedirectView view = new RedirectView(page, true);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

}

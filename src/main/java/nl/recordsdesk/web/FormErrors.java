package nl.recordsdesk.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tells the layout that the page shows errors (a form's binding with errors, a file
 * refused), so that its title starts with "Fout:" and a screen reader hears at once that
 * the form came back: WCAG 3.3.1, as on the government's design system.
 */
@Component
class FormErrors implements WebMvcConfigurer, HandlerInterceptor {

	static final String ATTRIBUTE = "pageHasErrors";

	/** Flags a controller sets instead of a binding's error. */
	private static final Set<String> ERROR_FLAGS = Set.of("uploadTooLarge", "uploadUnreadable", "inputRefused");

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (view == null || !view.hasView() || String.valueOf(view.getViewName()).startsWith("redirect:")) {
			return;
		}
		boolean errors = view.getModel().entrySet().stream().anyMatch((entry) -> {
			Object value = entry.getValue();
			return (value instanceof BindingResult binding && binding.hasErrors())
					|| (ERROR_FLAGS.contains(entry.getKey()) && Boolean.TRUE.equals(value));
		});
		if (errors) {
			view.addObject(ATTRIBUTE, true);
		}
	}

}

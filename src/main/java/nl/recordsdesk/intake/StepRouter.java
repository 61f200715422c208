package nl.recordsdesk.intake;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.recordsdesk.digid.RequesterSignIn;
import nl.recordsdesk.eligibility.EligibilityRules;
import org.springframework.beans.factory.ObjectProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The request form's two shared chores, done once for every handler: a handler of a
 * {@link FormStep} is reached only when the steps before it are answered (otherwise the
 * visitor is sent to the first one still open), and a handler's {@link RequestDraft}
 * parameter is the session's draft, begun when there is none.
 */
@Component
class StepRouter implements WebMvcConfigurer, HandlerInterceptor, HandlerMethodArgumentResolver {

	private final EligibilityRules rules;

	private final ObjectProvider<RequesterSignIn> signIn;

	/** A provider: a web slice test of another module has no {@link RequesterSignIn}. */
	StepRouter(EligibilityRules rules, ObjectProvider<RequesterSignIn> signIn) {
		this.rules = rules;
		this.signIn = signIn;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// Last, so that a language chosen on the way is kept even when the step sends the
		// visitor elsewhere.
		registry.addInterceptor(this).addPathPatterns("/request/**").order(Ordered.LOWEST_PRECEDENCE);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		HttpSession session = request.getSession(false);
		RequestDraft draft = (session != null) ? RequestDraft.peek(session) : null;
		// A DigiD sign-in (or its end) is taken into the draft before any step reads it.
		RequesterSignIn signIn = this.signIn.getIfAvailable();
		if (draft != null && draft.signedIn((signIn != null) ? signIn.current(request).orElse(null) : null)) {
			draft.save(session);
		}
		FormStep step = (handler instanceof HandlerMethod method) ? method.getMethodAnnotation(FormStep.class) : null;
		if (step == null) {
			return true;
		}
		if (step.orSent() && session != null && RequestDraft.sent(session).isPresent()) {
			return true;
		}
		Optional<Step> open = openBefore(step.value(), draft);
		if (open.isEmpty()) {
			return true;
		}
		response.sendRedirect(response.encodeRedirectURL(request.getContextPath() + "/request/" + open.get().path()));
		return false;
	}

	/**
	 * The first step still open before the given one, where the visitor is sent instead;
	 * empty when the step may be shown. Without a draft, that is the first step.
	 */
	Optional<Step> openBefore(Step step, @Nullable RequestDraft draft) {
		Step first = (draft != null) ? draft.firstIncomplete(this.rules) : Step.WHAT;
		return (first.ordinal() < step.ordinal()) ? Optional.of(first) : Optional.empty();
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == RequestDraft.class;
	}

	@Override
	public RequestDraft resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
		HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
		if (servletRequest == null) {
			throw new IllegalStateException("The request form is served over HTTP only");
		}
		return RequestDraft.of(servletRequest.getSession());
	}

}

package nl.recordsdesk.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Dutch unless the visitor chooses English with {@code ?lang=en} (the switch in the
 * header); the choice is kept in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final Locale DUTCH = Locale.forLanguageTag("nl");

	static final List<Locale> SUPPORTED = List.of(DUTCH, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver(@Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies) {
		return new SupportedLocaleResolver(secureCookies);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	/** A cookie resolver that accepts only the languages the portal is written in. */
	static class SupportedLocaleResolver extends CookieLocaleResolver {

		SupportedLocaleResolver(boolean secureCookies) {
			super("recordsdesk-lang");
			setDefaultLocale(DUTCH);
			setCookieSecure(secureCookies);
			setCookieHttpOnly(true);
		}

		@Override
		public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable Locale locale) {
			super.setLocale(request, response, supported(locale));
		}

		static Locale supported(@Nullable Locale locale) {
			if (locale == null) {
				return DUTCH;
			}
			return SUPPORTED.stream()
				.filter((candidate) -> candidate.getLanguage().equals(locale.getLanguage()))
				.findFirst()
				.orElse(DUTCH);
		}

	}

}

package nl.recordsdesk.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/**
 * How request parameters become form fields, for every controller at once: texts pass
 * {@link PlainText}, and forms bind with {@link FormBinder}, whose lists are bounded.
 */
@Configuration(proxyBeanMethods = false)
class InputConfiguration implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(new PlainText());
	}

	@Bean
	WebMvcRegistrations formBinding() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
				return new FormBindingAdapter();
			}

		};
	}

	/** Spring MVC's own adapter, binding with {@link FormBinder}. */
	static class FormBindingAdapter extends RequestMappingHandlerAdapter {

		@Override
		protected InitBinderDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> binderMethods) {
			return new FormBinderFactory(binderMethods, getWebBindingInitializer());
		}

	}

	static class FormBinderFactory extends ServletRequestDataBinderFactory {

		FormBinderFactory(List<InvocableHandlerMethod> binderMethods, @Nullable WebBindingInitializer initializer) {
			super(binderMethods, initializer);
		}

		@Override
		protected ServletRequestDataBinder createBinderInstance(@Nullable Object target, String objectName,
				NativeWebRequest request) {
			return new FormBinder(target, objectName);
		}

	}

}

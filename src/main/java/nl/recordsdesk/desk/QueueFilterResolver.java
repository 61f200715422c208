package nl.recordsdesk.desk;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A handler's {@link QueueFilter} from the query string, as Spring MVC's constructor
 * binding makes it, without looking the record's constructor and its parameters' names
 * and nullness up again on every queue view (a twentieth of a view's time). Each value is
 * converted by the handler's binder, against its constructor parameter, so the same
 * converters apply (a text with a control character is refused, an empty value is no
 * filter), and a value that cannot be read is a
 * {@link org.springframework.beans.TypeMismatchException}: the queue again with the
 * layout's notice ({@code InputRefused}, or the export's own handler).
 */
@Component
class QueueFilterResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	/** The record's canonical constructor, and a parameter of it for each component. */
	private static final Constructor<QueueFilter> CONSTRUCTOR;

	private static final List<String> NAMES;

	private static final List<TypeDescriptor> TYPES;

	static {
		RecordComponent[] components = QueueFilter.class.getRecordComponents();
		Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
		try {
			CONSTRUCTOR = QueueFilter.class.getConstructor(types);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
		NAMES = Arrays.stream(components).map(RecordComponent::getName).toList();
		TYPES = IntStream.range(0, components.length)
			.mapToObj((i) -> new TypeDescriptor(new MethodParameter(CONSTRUCTOR, i)))
			.toList();
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == QueueFilter.class;
	}

	@Override
	public QueueFilter resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binders) throws Exception {
		Assert.state(binders != null, "Spring MVC gives every argument resolver its binders");
		WebDataBinder binder = binders.createBinder(request, null, "filter");
		Object[] values = new Object[NAMES.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = value(request.getParameterValues(NAMES.get(i)), TYPES.get(i), binder);
		}
		return CONSTRUCTOR.newInstance(values);
	}

	private static @Nullable Object value(String @Nullable [] given, TypeDescriptor type, WebDataBinder binder) {
		if (given == null || given.length == 0) {
			return null;
		}
		// Several of one name as the binder's own constructor binding passes them on.
		Object value = (given.length == 1) ? given[0] : given;
		return binder.convertIfNecessary(value, type.getType(), type);
	}

}

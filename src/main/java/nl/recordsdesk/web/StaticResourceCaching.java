package nl.recordsdesk.web;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Where the static files are, and how long a browser keeps them. They are served from
 * three places only: {@code /css/**}, {@code /js/**} and {@code /favicon.svg}, not from
 * Boot's catch-all {@code /**} ({@code spring.web.resources.add-mappings=false}). Every
 * link a page writes ({@code @{...}}) passes through the
 * {@code ResourceUrlEncodingFilter} to get its file's hash; with {@code /**} each link to
 * a page ({@code /desk/requests/..}) was looked for in the four classpath folders of
 * static files (not found, so never cached), which cost the desk's queue of 25 rows most
 * of its time. Here a link to a page matches no resource handler and is left as it is.
 * <p>
 * How long a browser keeps the stylesheet and scripts. Pages link them by a name with a
 * hash of their content ({@code /css/portal-<md5>.css},
 * {@code spring.web.resources.chain}): such a URL always means the same bytes, so it is
 * kept for a year without asking again ({@code immutable}). The plain name, and a hash
 * that is not the current one (a page of an instance with another version, during a
 * deployment), is revalidated every time ({@code no-cache}, answered 304 while
 * unchanged), so nothing stale is kept for long. Set before the resource handler writes,
 * which leaves the header alone; Spring Security's {@code no-store} is written only where
 * no {@code Cache-Control} is set.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceCaching implements WebMvcConfigurer {

	static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	static final CacheControl UNVERSIONED = CacheControl.noCache();

	/** A file name with the content version the chain puts in: {@code name-<md5>.ext}. */
	private static final Pattern HASHED = Pattern.compile("(.*)-[0-9a-f]{32}(\\.[^/.]+)");

	private final ObjectProvider<ResourceUrlProvider> urls;

	/** Off in the {@code dev} profile, so a rebuilt stylesheet is picked up at once. */
	private final boolean cacheResolved;

	StaticResourceCaching(ObjectProvider<ResourceUrlProvider> urls,
			@Value("${spring.web.resources.chain.cache:true}") boolean cacheResolved) {
		this.urls = urls;
		this.cacheResolved = cacheResolved;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : List.of("css", "js")) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.resourceChain(this.cacheResolved)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		registry.addResourceHandler("/favicon.svg")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (handler instanceof ResourceHttpRequestHandler) {
					String path = request.getRequestURI().substring(request.getContextPath().length());
					response.setHeader(HttpHeaders.CACHE_CONTROL,
							(current(path) ? VERSIONED : UNVERSIONED).getHeaderValue());
				}
				return true;
			}

		}).addPathPatterns("/css/**", "/js/**").order(Ordered.LOWEST_PRECEDENCE);
	}

	/** Whether {@code path} carries the hash of the file as it is now. */
	boolean current(String path) {
		Matcher hashed = HASHED.matcher(path);
		if (!hashed.matches()) {
			return false;
		}
		ResourceUrlProvider provider = this.urls.getIfAvailable();
		return provider != null && path.equals(provider.getForLookupPath(hashed.group(1) + hashed.group(2)));
	}

}

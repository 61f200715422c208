package nl.recordsdesk.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.web.util.HtmlUtils;

/**
 * The last resort: what Tomcat shows when an error never reaches the portal's own error
 * page (a URL Tomcat refuses before any filter, such as one with {@code %00}, or an error
 * page that itself failed). In place of Tomcat's English report with its status line, a
 * short page in the portal's words and style, in the visitor's language (the language
 * cookie, else {@code Accept-Language}, else Dutch). The texts are read from the messages
 * once, at start.
 */
final class TomcatErrorReport extends ErrorReportValve {

	static final Set<Integer> KNOWN = Set.of(400, 403, 404, 405, 413, 429);

	private final MessageSource messages;

	private final String hospital;

	TomcatErrorReport(MessageSource messages, String hospital) {
		this.messages = messages;
		this.hospital = hospital;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		Locale locale = english(request) ? Locale.ENGLISH : LocaleConfiguration.DUTCH;
		String key = KNOWN.contains(status) ? Integer.toString(status) : "other";
		String html = "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
				+ text("error.title", locale) + " - " + HtmlUtils.htmlEscape(this.hospital) + "</title>"
				+ "<link rel=\"stylesheet\" href=\"/css/portal.css\"></head><body><main id=\"main\" class=\"wrapper\">"
				+ "<h1>" + text("error." + key + ".heading", locale) + "</h1><p>"
				+ text("error." + key + ".text", locale) + "</p><p><a href=\"/\">" + text("error.home", locale)
				+ "</a></p></main></body></html>\n";
		try {
			response.setContentType("text/html");
			response.setCharacterEncoding("UTF-8");
			response.setLocale(locale);
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(html);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone, or the response is closed: nothing more to show.
		}
	}

	private String text(String code, Locale locale) {
		return HtmlUtils.htmlEscape(this.messages.getMessage(code, null, code, locale));
	}

	static boolean english(Request request) {
		Cookie[] cookies = null;
		try {
			cookies = request.getCookies();
		}
		catch (RuntimeException ex) {
			// Cookies that cannot be parsed: go by the header.
		}
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if ("recordsdesk-lang".equals(cookie.getName())) {
					return cookie.getValue() != null && cookie.getValue().startsWith("en");
				}
			}
		}
		String header = request.getHeader("Accept-Language");
		if (header == null) {
			return false;
		}
		try {
			Locale chosen = Locale.lookup(Locale.LanguageRange.parse(header), LocaleConfiguration.SUPPORTED);
			return chosen != null && "en".equals(chosen.getLanguage());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Puts the valve on Tomcat's host in place of the {@link ErrorReportValve} Tomcat or
	 * Boot put there. Runs after Boot's own customizer, which adds one.
	 */
	static final class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		private final MessageSource messages;

		private final Hospital hospital;

		Installer(MessageSource messages, Hospital hospital) {
			this.messages = messages;
			this.hospital = hospital;
		}

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				Container host = context.getParent();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new TomcatErrorReport(this.messages, this.hospital.name()));
				// Else the host adds Tomcat's own at start, inside this one.
				if (host instanceof StandardHost standard) {
					standard.setErrorReportValveClass(TomcatErrorReport.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}

package nl.recordsdesk.notifications;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a mail template in one language: subject from {@code mail.<template>.subject},
 * HTML from {@code templates/mail/<template>.html}, plain text from
 * {@code templates/mail/<template>.txt}.
 * <p>
 * Two engines of its own rather than beans: a {@code SpringTemplateEngine} bean would
 * make Boot back off from the web's engine, and an extra resolver bean would be added to
 * it.
 */
@Component
class MailTemplates {

	private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final MessageSource messages;

	private final String hospitalName;

	private final SpringTemplateEngine html;

	private final SpringTemplateEngine text;

	MailTemplates(MessageSource messages,
			// The same setting, and default, as the site's header (web's Hospital); read
			// here so that mail does not depend on the web module.
			@Value("${recordsdesk.hospital.name:Ziekenhuis}") String hospitalName,
			@Value("${spring.thymeleaf.cache:true}") boolean cache) {
		this.messages = messages;
		this.hospitalName = hospitalName;
		this.html = engine(TemplateMode.HTML, ".html", messages, cache);
		this.text = engine(TemplateMode.TEXT, ".txt", messages, cache);
	}

	RenderedMail render(String template, Locale locale, Map<String, Object> model) {
		if (!TEMPLATE_NAME.matcher(template).matches()) {
			throw new IllegalArgumentException("Not a mail template name: " + template);
		}
		Object @Nullable [] subjectArgs = (model.get(Outbox.SUBJECT_ARGS) instanceof Object[] args) ? args : null;
		String subject = this.messages.getMessage("mail." + template + ".subject", subjectArgs, locale);
		Map<String, Object> variables = new HashMap<>(model);
		variables.put("hospitalName", this.hospitalName);
		variables.put("subject", subject);
		Context context = new Context(locale, variables);
		String name = "mail/" + template;
		return new RenderedMail(subject, this.text.process(name, context), this.html.process(name, context));
	}

	private static SpringTemplateEngine engine(TemplateMode mode, String suffix, MessageSource messages,
			boolean cache) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(cache);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

	record RenderedMail(String subject, String text, String html) {

	}

}

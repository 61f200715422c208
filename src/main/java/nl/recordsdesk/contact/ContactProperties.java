package nl.recordsdesk.contact;

import java.time.Duration;
import java.time.Period;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the contact form and the inbox.
 *
 * @param retention how long answered and closed messages are kept after they were handled
 * ({@code 12m} is twelve months)
 * @param minFillTime a form sent sooner after it was shown is taken for a bot's
 * @param maxFormAge a form shown longer ago is shown again, to be sent once more
 * @param maxPerAddress messages one client address may send within {@code addressWindow}
 * @param addressWindow see {@code maxPerAddress}
 * @param formKey Base64 key that signs the form's time stamp; none means a random key per
 * start (set one shared key when several instances serve the portal)
 */
@ConfigurationProperties("recordsdesk.contact")
record ContactProperties(@DefaultValue("12m") Period retention, @DefaultValue("3s") Duration minFillTime,
		@DefaultValue("12h") Duration maxFormAge, @DefaultValue("5") int maxPerAddress,
		@DefaultValue("1h") Duration addressWindow, @Nullable String formKey) {

}

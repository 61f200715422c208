package nl.recordsdesk.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one visitor may make the public form do: mail codes and store uploads. Counts per
 * client address and per recipient are shared by the instances ({@code SharedLimits});
 * those per draft are in the visitor's session.
 *
 * @param codeResendWait the least time between two codes of one draft
 * @param codesPerDraft codes one draft may have sent within an hour
 * @param codesPerAddress codes one client address may have sent within an hour
 * @param codesPerRecipient codes one e-mail address may be sent within an hour, whoever
 * asks
 * @param draftUploadSize the most one draft's uploads may hold together
 * @param draftUploads the most files one draft may hold (one per document it asks)
 * @param uploadsPerAddress what one client address may upload in a day (form and status
 * page together)
 */
@ConfigurationProperties("recordsdesk.requests")
record RequestFormLimits(@DefaultValue("2m") Duration codeResendWait, @DefaultValue("5") int codesPerDraft,
		@DefaultValue("10") int codesPerAddress, @DefaultValue("5") int codesPerRecipient,
		@DefaultValue("30MB") DataSize draftUploadSize, @DefaultValue("8") int draftUploads,
		@DefaultValue("200MB") DataSize uploadsPerAddress) {

	RequestFormLimits {
		if (codesPerDraft < 1 || codesPerAddress < 1 || codesPerRecipient < 1 || draftUploads < 1
				|| codeResendWait.isNegative() || draftUploadSize.toBytes() < 1 || uploadsPerAddress.toBytes() < 1) {
			throw new IllegalArgumentException("recordsdesk.requests: the form's limits must be positive");
		}
	}

}

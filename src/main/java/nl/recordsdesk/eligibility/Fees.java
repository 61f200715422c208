package nl.recordsdesk.eligibility;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fees the hospital charges, in euros. The DVD fee defaults to the EUR 10.00 of the
 * source document; GDPR art. 15(3) and CJEU C-307/22 make a patient's first copy free, so
 * a hospital may set it to 0.
 *
 * @param imagingDvd the fee for a copy of radiology images on DVD
 */
@ConfigurationProperties("recordsdesk.fees")
public record Fees(@DefaultValue("10.00") BigDecimal imagingDvd) {

	public Fees {
		if (imagingDvd.signum() < 0) {
			throw new IllegalArgumentException("recordsdesk.fees.imaging-dvd must not be negative");
		}
	}

	/**
	 * Whether the DVD costs anything, and so whether the requester must be told how to
	 * pay.
	 */
	public boolean imagingDvdCharged() {
		return this.imagingDvd.signum() > 0;
	}

}

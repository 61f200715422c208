package nl.recordsdesk.web;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import nl.recordsdesk.eligibility.Fees;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout shows: the hospital, the fee as the visitor's language writes
 * it, and the current path for the language switch (Thymeleaf 3.1 no longer exposes the
 * request to templates).
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

	private static final Currency EURO = Currency.getInstance("EUR");

	private final Hospital hospital;

	private final Fees fees;

	/**
	 * The fee as each language writes it: a currency format is costly to make, and every
	 * page asks for it. The portal's languages are few; more are not kept.
	 */
	private final Map<Locale, String> dvdFees = new ConcurrentHashMap<>();

	LayoutModel(Hospital hospital, Fees fees) {
		this.hospital = hospital;
		this.fees = fees;
	}

	@ModelAttribute("hospital")
	Hospital hospital() {
		return this.hospital;
	}

	@ModelAttribute("dvdFee")
	String dvdFee(Locale locale) {
		String fee = this.dvdFees.get(locale);
		if (fee == null) {
			fee = euros(this.fees, locale);
			if (this.dvdFees.size() < 8) {
				this.dvdFees.put(locale, fee);
			}
		}
		return fee;
	}

	@ModelAttribute("dvdCharged")
	boolean dvdCharged() {
		return this.fees.imagingDvdCharged();
	}

	/** The page's own path; on an error page, the path that failed. */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = (failed instanceof String path) ? path : request.getRequestURI();
		return uri.substring(Math.min(request.getContextPath().length(), uri.length()));
	}

	static String euros(Fees fees, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(EURO);
		return format.format(fees.imagingDvd());
	}

}

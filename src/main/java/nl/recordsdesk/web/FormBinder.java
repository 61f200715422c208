package nl.recordsdesk.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.beans.PropertyValue;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * The binder of every form: lists grow to at most {@link #MAX_ROWS} rows. A field with a
 * higher row number ({@code studies[256].kind}, which only a forged post sends) is left
 * out and the form answers with its own message ({@code form.tooManyRows}) above the
 * other answers, as for any other mistake; Spring's binder would fail the whole request
 * on it instead.
 */
class FormBinder extends ExtendedServletRequestDataBinder {

	/** More rows than any form shows (three studies, a few co-signers). */
	static final int MAX_ROWS = 20;

	static final String TOO_MANY_ROWS = "form.tooManyRows";

	private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

	FormBinder(@Nullable Object target, String objectName) {
		super(target, objectName);
		setAutoGrowCollectionLimit(MAX_ROWS);
	}

	/**
	 * One value at a time, so that a path the form cannot take ({@code studies[-1]},
	 * {@code studies[x]}, a row past the limit that the check above let through) costs
	 * only that value, answered with the same message.
	 */
	@Override
	protected void applyPropertyValues(MutablePropertyValues values) {
		boolean refused = false;
		for (PropertyValue value : values.getPropertyValues()) {
			try {
				super.applyPropertyValues(new MutablePropertyValues(List.of(value)));
			}
			catch (InvalidPropertyException ex) {
				refused = true;
			}
		}
		if (refused) {
			refuseRows();
		}
	}

	private void refuseRows() {
		if (getBindingResult().getGlobalErrors().stream().noneMatch((error) -> TOO_MANY_ROWS.equals(error.getCode()))) {
			getBindingResult().reject(TOO_MANY_ROWS);
		}
	}

	@Override
	protected void doBind(MutablePropertyValues values) {
		boolean refused = false;
		for (PropertyValue value : values.getPropertyValues()) {
			if (beyondLimit(value.getName())) {
				values.removePropertyValue(value);
				refused = true;
			}
		}
		super.doBind(values);
		if (refused) {
			refuseRows();
		}
	}

	static boolean beyondLimit(String path) {
		Matcher index = INDEX.matcher(path);
		while (index.find()) {
			String digits = index.group(1);
			if (digits.length() > 4 || Integer.parseInt(digits) >= MAX_ROWS) {
				return true;
			}
		}
		return false;
	}

}

package nl.recordsdesk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A date as people type it on our forms: the Dutch way (1-5-2013), and also 2013-05-01,
 * 1/5/2013, 1.5.2013, 01052013 and 1 5 2013. Two-digit years and seven digits are not
 * read: they could mean another day. One list for every date field, so that they all take
 * the same.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD })
@DateTimeFormat(pattern = "d-M-yyyy",
		fallbackPatterns = { "yyyy-MM-dd", "d/M/yyyy", "d.M.yyyy", "ddMMyyyy", "d M yyyy" })
public @interface TypedDate {

}

package nl.recordsdesk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bound text that may span several lines (a textarea): tabs and line breaks are allowed
 * in it. Every other bound text is one line, and any control character in it is refused
 * at binding (see {@code nl.recordsdesk.web.PlainText}). On a form's field, or on a
 * {@code @RequestParam}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD })
public @interface MultiLine {

}

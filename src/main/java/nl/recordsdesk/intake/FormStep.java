package nl.recordsdesk.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The step a handler of the request form belongs to: {@link StepRouter} sends a visitor
 * who has not answered the steps before it to the first one still open, before the
 * handler runs.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface FormStep {

	Step value();

	/**
	 * Whether the handler also answers a session whose request was just sent (the same
	 * form posted again shows the reference it was filed under).
	 */
	boolean orSent() default false;

}

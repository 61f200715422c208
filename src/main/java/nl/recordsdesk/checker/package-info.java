/**
 * "What do I need?": the public checker page and the eligibility API. Both ask the
 * eligibility rules and explain the answer; neither stores anything.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Checker and eligibility API",
		allowedDependencies = "eligibility")
package nl.recordsdesk.checker;

import org.jspecify.annotations.NullMarked;

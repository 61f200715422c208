/**
 * E-mail through an outbox: other modules queue a message inside their own transaction
 * ({@link nl.recordsdesk.notifications.Outbox}); a scheduled sender delivers it after the
 * commit and retries while the mail server is down.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Notifications (mail outbox)",
		allowedDependencies = "scheduling")
package nl.recordsdesk.notifications;

import org.jspecify.annotations.NullMarked;

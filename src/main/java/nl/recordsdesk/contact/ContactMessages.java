package nl.recordsdesk.contact;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** All contact messages. */
interface ContactMessages extends JpaRepository<ContactMessage, UUID> {

	/** The inbox: one page of messages in one state (served by the inbox index). */
	Page<ContactMessage> findByStatusIn(java.util.Collection<ContactStatus> statuses, Pageable page);

	long countByStatus(ContactStatus status);

	/**
	 * One message, locked for this transaction ({@code FOR UPDATE}): of two desk members
	 * answering at once, on one instance or two, the second waits for the first to commit
	 * and then finds the message handled.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from ContactMessage m where m.id = :id")
	Optional<ContactMessage> findByIdForUpdate(UUID id);

	/** Answered and closed messages handled before {@code before}. */
	@Modifying
	@Query("delete from ContactMessage m where m.status <> nl.recordsdesk.contact.ContactStatus.OPEN and m.handledAt < :before")
	int deleteHandledBefore(Instant before);

}

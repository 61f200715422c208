package nl.recordsdesk.requests;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures of a staff action mean that someone else was first. */
class RequestWorkflowTests {

	@Test
	void aLostRaceIsTellableAndAFaultIsNot() {
		assertThat(RequestChanges.someoneWasFirst(new CannotAcquireLockException("deadlock"))).isTrue();
		assertThat(RequestChanges.someoneWasFirst(new ObjectOptimisticLockingFailureException(Request.class, "id")))
			.isTrue();
		assertThat(RequestChanges.someoneWasFirst(new DataIntegrityViolationException("taken",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isTrue();
		assertThat(RequestChanges.someoneWasFirst(new DataIntegrityViolationException("check",
				new SQLException("new row violates check constraint", "23514"))))
			.isFalse();
	}

}

package nl.recordsdesk.uploads;

import java.time.Instant;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.requests.StoredFiles;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Files kept "pending scan" while clamd was unreachable are scanned again: clean ones can
 * then be opened, infected ones never; while clamd still gives no answer nothing changes.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class PendingScansTests {

	@Autowired
	StoredFiles files;

	@Autowired
	StoredFileScans scans;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void pendingFilesBecomeCleanOrStayHiddenForGood() {
		StoredFile clean = pending(new byte[] { '%', 'P', 'D', 'F', '1' });
		StoredFile infected = pending(new byte[] { '%', 'P', 'D', 'F', '2' });
		UploadInspector clamd = mock(UploadInspector.class);
		when(clamd.rescan(any()))
			.thenAnswer((call) -> (((byte[]) call.getArgument(0))[4] == '1') ? ScanStatus.CLEAN : ScanStatus.INFECTED);

		new PendingScans(this.scans, clamd, this.transactions).rescan();

		assertThat(reloaded(clean).viewable()).isTrue();
		assertThat(reloaded(infected).scanStatus()).isEqualTo("INFECTED");
		assertThat(reloaded(infected).viewable()).isFalse();
	}

	@Test
	void whileClamdGivesNoAnswerTheFilesWait() {
		StoredFile waiting = pending(new byte[] { '%', 'P', 'D', 'F', '3' });
		UploadInspector unreachable = mock(UploadInspector.class);
		when(unreachable.rescan(any())).thenReturn(ScanStatus.PENDING);

		new PendingScans(this.scans, unreachable, this.transactions).rescan();

		assertThat(reloaded(waiting).scanStatus()).isEqualTo("PENDING");
		assertThat(reloaded(waiting).viewable()).isFalse();
	}

	StoredFile pending(byte[] content) {
		// Older than any other pending file, so the batch takes it first.
		return this.files.save(new StoredFile(content, "application/pdf", "f".repeat(64), "PENDING", Instant.EPOCH));
	}

	StoredFile reloaded(StoredFile file) {
		return this.transactions.execute((tx) -> this.files.findById(file.id()).orElseThrow());
	}

}

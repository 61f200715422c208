package nl.recordsdesk.uploads;

import java.util.List;
import java.util.UUID;

import nl.recordsdesk.scheduling.OncePerPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans again the files kept "pending scan" because clamd gave no answer when they
 * arrived. Until a scan says clean they are never shown; a file found infected stays
 * hidden for good. One file at a time, each read and updated in a short transaction of
 * its own and scanned between them, so a slow scanner holds no lock and no connection.
 */
@Component
class PendingScans {

	static final int BATCH = 50;

	private static final Logger log = LoggerFactory.getLogger(PendingScans.class);

	private final StoredFileScans files;

	private final UploadInspector inspector;

	private final TransactionTemplate transactions;

	PendingScans(StoredFileScans files, UploadInspector inspector, TransactionTemplate transactions) {
		this.files = files;
		this.inspector = inspector;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${recordsdesk.uploads.rescan-interval:10m}",
			initialDelayString = "${recordsdesk.uploads.rescan-interval:10m}")
	@OncePerPeriod("pending-scans")
	public void rescan() {
		List<UUID> pending = this.files.findPendingScan(BATCH);
		int clean = 0;
		int infected = 0;
		for (UUID id : pending) {
			// The content is read in a short transaction; the scan, which may take until
			// clamd's time-out, holds no connection.
			byte[] content = this.transactions
				.execute((tx) -> this.files.findById(id).map(StoredFile::content).orElse(null));
			ScanStatus status = (content != null) ? this.inspector.rescan(content) : ScanStatus.PENDING;
			if (status == null || status == ScanStatus.PENDING || status == ScanStatus.NOT_CONFIGURED) {
				// clamd still does not answer, or was taken out of the settings: the file
				// stays hidden until a scan says it is clean (fail closed).
				break;
			}
			this.transactions.executeWithoutResult((tx) -> this.files.updateScanStatus(id, status.name()));
			if (status == ScanStatus.INFECTED) {
				infected++;
			}
			else {
				clean++;
			}
		}
		if (clean + infected > 0) {
			log.info("Scanned again: {} clean, {} infected", clean, infected);
		}
	}

}

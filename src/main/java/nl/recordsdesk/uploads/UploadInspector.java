package nl.recordsdesk.uploads;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Decides whether an uploaded file may be kept: a PDF, JPEG or PNG by its bytes, not too
 * large, readable, without active content and, when clamd is configured, without a virus.
 * A PDF is kept as it came; an image is kept re-encoded from its pixels
 * (ImageInspection). Logs reason codes only, never names or content.
 */
@Service
public class UploadInspector {

	private static final Logger logger = LoggerFactory.getLogger(UploadInspector.class);

	static final String PDF = "application/pdf";

	static final String JPEG = "image/jpeg";

	static final String PNG = "image/png";

	private static final Map<String, String> EXTENSIONS = Map.of(PDF, "pdf", JPEG, "jpg", PNG, "png");

	// Detection by magic bytes alone: the facade only looks at the name when given one.
	private final Tika tika = new Tika();

	private final UploadProperties properties;

	private final @Nullable ClamdClient clamd;

	/** Turns to inspect an upload: bounds the memory inspections take together. */
	private final Semaphore turns;

	UploadInspector(UploadProperties properties) {
		this.properties = properties;
		this.turns = new Semaphore(properties.concurrentInspections(), true);
		UploadProperties.Clamd clamd = properties.clamd();
		this.clamd = clamd.configured() ? new ClamdClient(clamd.host(), clamd.port(), clamd.timeout()) : null;
	}

	/**
	 * Inspects the bytes of one upload; never trusts the name or the declared type.
	 * @param content the file as received
	 * @param originalName the name the browser sent, used only to make
	 * {@link InspectedUpload#safeFileName()}
	 * @return the upload, to be stored under a key of the server's making: its content,
	 * size and hash are those of what is to be stored (for an image, the re-encoded
	 * picture)
	 * @throws RejectedUpload if the file may not be kept; nothing about it should be
	 * stored
	 */
	public InspectedUpload inspect(byte[] content, @Nullable String originalName) throws RejectedUpload {
		return inspect(() -> new ByteArrayInputStream(content), originalName);
	}

	/**
	 * Inspects an upload as it was received (a {@code MultipartFile}), reading it into
	 * memory only once its turn has come, and no more of it than the largest size
	 * accepted. At most {@code recordsdesk.uploads.max-concurrent-inspections} uploads
	 * are read and inspected at once, so memory stays bounded under load; one that waits
	 * longer than {@code inspection-wait} for its turn is refused as {@link Reason#BUSY}.
	 * Call it with no database connection held: a scan can take seconds.
	 * @param upload the file as received
	 * @param originalName the name the browser sent
	 * @return the upload, to be stored under a key of the server's making
	 * @throws RejectedUpload if the file may not be kept, or its turn did not come
	 */
	public InspectedUpload inspect(InputStreamSource upload, @Nullable String originalName) throws RejectedUpload {
		try {
			awaitTurn();
			try {
				return inspectOrRefuse(read(upload), originalName);
			}
			finally {
				this.turns.release();
			}
		}
		catch (RejectedUpload ex) {
			logger.info("Upload refused: {}", ex.reason());
			throw ex;
		}
	}

	private void awaitTurn() throws RejectedUpload {
		try {
			if (!this.turns.tryAcquire(this.properties.inspectionWait().toMillis(), TimeUnit.MILLISECONDS)) {
				throw new RejectedUpload(Reason.BUSY);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RejectedUpload(Reason.BUSY);
		}
	}

	/** At most one byte more than accepted: enough to know it is too large. */
	private byte[] read(InputStreamSource upload) {
		long limit = Math.min(this.properties.maxSize().toBytes() + 1, Integer.MAX_VALUE - 8);
		try (InputStream in = upload.getInputStream()) {
			return in.readNBytes((int) limit);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether uploads are sent to clamd at all. */
	public boolean virusScanConfigured() {
		return this.clamd != null;
	}

	/**
	 * Scans a file kept pending again, for a file whose first scan got no answer from
	 * clamd.
	 * @return CLEAN, INFECTED, PENDING (still no answer) or NOT_CONFIGURED (clamd was
	 * removed from the settings since)
	 */
	public ScanStatus rescan(byte[] content) {
		if (this.clamd == null) {
			return ScanStatus.NOT_CONFIGURED;
		}
		return switch (this.clamd.scan(content)) {
			case CLEAN -> ScanStatus.CLEAN;
			case INFECTED -> {
				logger.warn("A file kept pending scan was found infected");
				yield ScanStatus.INFECTED;
			}
			case NO_ANSWER -> ScanStatus.PENDING;
		};
	}

	/**
	 * @param bytes read for this inspection alone: a PDF returned is the PDF inspected,
	 * even if the caller reuses its own array; an image returned is its re-encoding
	 */
	private InspectedUpload inspectOrRefuse(byte[] bytes, @Nullable String originalName) throws RejectedUpload {
		if (bytes.length == 0) {
			throw new RejectedUpload(Reason.EMPTY);
		}
		DataSize maxSize = this.properties.maxSize();
		if (bytes.length > maxSize.toBytes()) {
			throw new RejectedUpload(Reason.TOO_LARGE, megabytes(maxSize));
		}
		String contentType = detect(bytes);
		byte[] kept;
		if (PDF.equals(contentType)) {
			PdfInspection.check(bytes, this.properties.maxPixels());
			kept = bytes;
		}
		else {
			// Only the picture is kept: re-encoded from its pixels, without what came
			// after its end or in its metadata.
			kept = ImageInspection.reencode(bytes, contentType, this.properties.maxPixels());
		}
		// What is scanned, hashed and measured is what is kept.
		ScanStatus scanStatus = scan(kept);
		return new InspectedUpload(contentType, kept.length, sha256Hex(kept),
				SafeFileName.of(originalName, EXTENSIONS.get(contentType)), scanStatus, kept);
	}

	private String detect(byte[] bytes) throws RejectedUpload {
		String detected;
		try (InputStream in = new ByteArrayInputStream(bytes)) {
			detected = this.tika.detect(in);
		}
		catch (IOException ex) {
			throw new RejectedUpload(Reason.TYPE_NOT_ALLOWED);
		}
		if (!EXTENSIONS.containsKey(detected)) {
			throw new RejectedUpload(Reason.TYPE_NOT_ALLOWED);
		}
		return detected;
	}

	private ScanStatus scan(byte[] bytes) throws RejectedUpload {
		if (this.clamd == null) {
			return ScanStatus.NOT_CONFIGURED;
		}
		return switch (this.clamd.scan(bytes)) {
			case CLEAN -> ScanStatus.CLEAN;
			case INFECTED -> throw new RejectedUpload(Reason.INFECTED);
			case NO_ANSWER -> {
				// Fail closed: the caller keeps the file as "pending scan", never as
				// clean.
				logger.warn("Upload kept pending scan: clamd gave no answer");
				yield ScanStatus.PENDING;
			}
		};
	}

	static BigDecimal megabytes(DataSize size) {
		return BigDecimal.valueOf(size.toBytes())
			.divide(BigDecimal.valueOf(DataSize.ofMegabytes(1).toBytes()))
			.stripTrailingZeros();
	}

	private static String sha256Hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}

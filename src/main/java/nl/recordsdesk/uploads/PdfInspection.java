package nl.recordsdesk.uploads;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens a PDF with PDFBox and refuses it when it is encrypted, unreadable or carries
 * anything that can act by itself when opened.
 */
final class PdfInspection {

	// Actions that run code, start programs or open files other than this one.
	private static final Set<COSName> ACTIVE_ACTIONS = Set.of(COSName.JAVA_SCRIPT, COSName.getPDFName("Launch"),
			COSName.getPDFName("GoToE"), COSName.getPDFName("ImportData"), COSName.getPDFName("RichMediaExecute"));

	// Keys that only appear where a document carries scripts or files: a JavaScript
	// action or rendition (JS), the document's scripts (JavaScript) and embedded files
	// (EmbeddedFiles) in the names tree, a file specification with its file inside (EF),
	// and XFA forms, which carry scripts of their own.
	private static final Set<COSName> ACTIVE_KEYS = Set.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.EMBEDDED_FILES,
			COSName.EF, COSName.XFA);

	private static final Set<COSName> ACTIVE_TYPES = Set.of(COSName.EMBEDDED_FILE, COSName.getPDFName("RichMedia"),
			COSName.getPDFName("FileAttachment"));

	private PdfInspection() {
	}

	static void check(byte[] content) throws RejectedUpload {
		// Memory only: a patient's file is not written to a temporary file to be looked
		// at.
		try (PDDocument document = Loader.loadPDF(content, "", null, null, IOUtils.createMemoryOnlyStreamCache())) {
			// Also when it opens without a password: an owner password still means
			// encryption
			// we cannot vouch for, and the desk may not be able to print or archive it.
			if (document.isEncrypted()) {
				throw new RejectedUpload(Reason.PDF_ENCRYPTED);
			}
			if (document.getNumberOfPages() < 1) {
				throw new RejectedUpload(Reason.PDF_UNREADABLE);
			}
			if (hasActiveContent(document.getDocument().getTrailer())) {
				throw new RejectedUpload(Reason.PDF_ACTIVE_CONTENT);
			}
		}
		catch (InvalidPasswordException ex) {
			throw new RejectedUpload(Reason.PDF_ENCRYPTED);
		}
		// Deeply nested objects in a hostile file can exhaust the parser's stack.
		catch (IOException | RuntimeException | StackOverflowError ex) {
			throw new RejectedUpload(Reason.PDF_UNREADABLE);
		}
	}

	/**
	 * Walks every object reachable from the trailer rather than asking the usual places
	 * (open action, pages, annotations, form fields, names tree) one by one: a viewer
	 * reaches the same objects, and a place we forgot is then no way around the check.
	 * Streams are not decoded; their dictionaries are walked like any other.
	 */
	static boolean hasActiveContent(COSDictionary trailer) {
		Deque<COSBase> pending = new ArrayDeque<>();
		Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		pending.push(trailer);
		while (!pending.isEmpty()) {
			COSBase item = pending.pop();
			if (item instanceof COSObject reference) {
				item = reference.getObject();
			}
			if (item == null || !seen.add(item)) {
				continue;
			}
			if (item instanceof COSDictionary dictionary) {
				if (isActive(dictionary)) {
					return true;
				}
				dictionary.getValues().forEach(pending::push);
			}
			else if (item instanceof COSArray array) {
				array.forEach(pending::push);
			}
		}
		return false;
	}

	private static boolean isActive(COSDictionary dictionary) {
		for (COSName key : ACTIVE_KEYS) {
			if (dictionary.containsKey(key)) {
				return true;
			}
		}
		COSName action = dictionary.getCOSName(COSName.S);
		if (action != null && ACTIVE_ACTIONS.contains(action)) {
			return true;
		}
		COSName type = dictionary.getCOSName(COSName.TYPE);
		COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
		return (type != null && ACTIVE_TYPES.contains(type)) || (subtype != null && ACTIVE_TYPES.contains(subtype));
	}

}

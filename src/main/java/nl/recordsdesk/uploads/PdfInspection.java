package nl.recordsdesk.uploads;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a PDF is a plain document: only PDF in the file (PdfStructure), streams
 * that unpack to a bounded size (PdfStreams), and then, opened with PDFBox, nothing in it
 * but pages to look at. What a document may hold is a list of what is allowed, not of
 * what is not: the only actions are going to a place in the document, the four page
 * turns, and links to a web page ({@code http}, {@code https}) or an e-mail address
 * ({@code mailto}). Everything else that acts (scripts, additional actions, launching,
 * going to other files, sending or importing form data, media) and every attached file
 * makes it refused; a form to fill in is fine as long as it sends nothing.
 */
final class PdfInspection {

	private static final COSName ACTION = COSName.getPDFName("Action");

	private static final COSName GO_TO = COSName.getPDFName("GoTo");

	private static final COSName NAMED = COSName.getPDFName("Named");

	private static final Set<String> PAGE_TURNS = Set.of("NextPage", "PrevPage", "FirstPage", "LastPage");

	// Actions that open or reach another file, or a place on the network.
	private static final Set<COSName> OTHER_FILES = Set.of(COSName.getPDFName("GoToR"), COSName.getPDFName("GoToE"),
			COSName.getPDFName("Thread"));

	private static final List<String> LINK_SCHEMES = List.of("http://", "https://", "mailto:");

	// Keys that only appear where a document carries scripts or files: a JavaScript
	// action or rendition (JS), the document's scripts (JavaScript) in the names tree,
	// XFA forms (which carry scripts of their own), actions on events (AA).
	private static final Set<COSName> ACTIVE_KEYS = Set.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.XFA, COSName.AA);

	// Embedded files in the names tree (EmbeddedFiles), a file specification with its
	// file
	// inside (EF), a portfolio (Collection).
	private static final Set<COSName> FILE_KEYS = Set.of(COSName.EMBEDDED_FILES, COSName.EF,
			COSName.getPDFName("Collection"));

	private static final Set<COSName> FILE_TYPES = Set.of(COSName.EMBEDDED_FILE, COSName.getPDFName("FileAttachment"));

	// Annotations that play or run something, and PostScript to be run by a printer.
	private static final Set<COSName> ACTIVE_TYPES = Set.of(COSName.getPDFName("RichMedia"),
			COSName.getPDFName("Sound"), COSName.getPDFName("Movie"), COSName.getPDFName("Screen"),
			COSName.getPDFName("3D"), COSName.getPDFName("PS"));

	private PdfInspection() {
	}

	static void check(byte[] content, long maxPixels) throws RejectedUpload {
		List<PdfStructure.Stream> streams = PdfStructure.read(content);
		PdfStreams.check(content, streams, maxPixels);
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
			Reason refused = walk(document.getDocument().getTrailer());
			if (refused != null) {
				throw new RejectedUpload(refused);
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
	 * Streams are not decoded here; their dictionaries are walked like any other.
	 * @return why the document is refused, or null when it holds nothing but what is
	 * allowed
	 */
	static @Nullable Reason walk(COSDictionary trailer) {
		Deque<COSBase> pending = new ArrayDeque<>();
		Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		pending.push(trailer);
		while (!pending.isEmpty()) {
			COSBase item = resolve(pending.pop());
			if (item == null || !seen.add(item)) {
				continue;
			}
			if (item instanceof COSDictionary dictionary) {
				Reason refused = refusal(dictionary);
				if (refused != null) {
					return refused;
				}
				dictionary.getValues().forEach(pending::push);
			}
			else if (item instanceof COSArray array) {
				array.forEach(pending::push);
			}
		}
		return null;
	}

	private static @Nullable Reason refusal(COSDictionary dictionary) {
		for (COSName key : FILE_KEYS) {
			if (dictionary.containsKey(key)) {
				return Reason.PDF_EMBEDDED_FILE;
			}
		}
		for (COSName key : ACTIVE_KEYS) {
			if (dictionary.containsKey(key)) {
				return Reason.PDF_ACTIVE_CONTENT;
			}
		}
		COSName type = dictionary.getCOSName(COSName.TYPE);
		COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
		if ((type != null && FILE_TYPES.contains(type)) || (subtype != null && FILE_TYPES.contains(subtype))) {
			return Reason.PDF_EMBEDDED_FILE;
		}
		if (subtype != null && ACTIVE_TYPES.contains(subtype)) {
			return Reason.PDF_ACTIVE_CONTENT;
		}
		// Where an action can sit: a link's, a bookmark's or a field's action, the open
		// action, and any dictionary that says it is one. The key S alone says nothing:
		// structure elements, groups and masks have one too; nor does Next, which
		// bookmarks use for the next bookmark.
		if (ACTION.equals(type)) {
			Reason refused = actionRefusal(dictionary);
			if (refused != null) {
				return refused;
			}
		}
		for (COSName key : List.of(COSName.A, COSName.OPEN_ACTION)) {
			// An open action may also be a destination (an array): a page to open at.
			if (dictionary.getDictionaryObject(key) instanceof COSDictionary action) {
				Reason refused = actionRefusal(action);
				if (refused != null) {
					return refused;
				}
			}
		}
		return null;
	}

	/** The action, and the actions it is followed by (Next), in turn. */
	private static @Nullable Reason actionRefusal(COSDictionary first) {
		Deque<COSDictionary> pending = new ArrayDeque<>();
		Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		pending.push(first);
		while (!pending.isEmpty()) {
			COSDictionary action = pending.pop();
			if (!seen.add(action)) {
				continue;
			}
			Reason refused = singleActionRefusal(action);
			if (refused != null) {
				return refused;
			}
			COSBase next = action.getDictionaryObject(COSName.NEXT);
			if (next instanceof COSDictionary single) {
				pending.push(single);
			}
			else if (next instanceof COSArray array) {
				for (COSBase each : array) {
					if (resolve(each) instanceof COSDictionary listed) {
						pending.push(listed);
					}
				}
			}
		}
		return null;
	}

	private static @Nullable Reason singleActionRefusal(COSDictionary action) {
		COSName kind = action.getCOSName(COSName.S);
		if (GO_TO.equals(kind)) {
			return null;
		}
		if (COSName.URI.equals(kind)) {
			return isWebOrMail(action.getDictionaryObject(COSName.URI)) ? null : Reason.PDF_UNSAFE_LINK;
		}
		if (NAMED.equals(kind)) {
			COSName name = action.getCOSName(COSName.N);
			return (name != null && PAGE_TURNS.contains(name.getName())) ? null : Reason.PDF_ACTIVE_CONTENT;
		}
		if (kind != null && OTHER_FILES.contains(kind)) {
			return Reason.PDF_UNSAFE_LINK;
		}
		// JavaScript, Launch, SubmitForm, ImportData, ResetForm, Hide, media, an action
		// without a kind, and whatever a later PDF version adds.
		return Reason.PDF_ACTIVE_CONTENT;
	}

	/**
	 * A link to a web page or an e-mail address. Not {@code javascript:}, {@code file:},
	 * a path on a share ({@code \\server\...}, which makes Windows send the user's
	 * credentials) or a relative address, which a viewer resolves against the file's own
	 * place on the disk.
	 */
	static boolean isWebOrMail(@Nullable COSBase uri) {
		if (!(uri instanceof COSString string)) {
			return false;
		}
		String text = string.getString().strip().toLowerCase(Locale.ROOT);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// Control characters and spaces hide a scheme from a check but not from
			// every
			// viewer ("java\tscript:").
			if (c < 0x21 || c == 0x7f || c == '\\') {
				return false;
			}
		}
		return LINK_SCHEMES.stream().anyMatch(text::startsWith);
	}

	private static @Nullable COSBase resolve(@Nullable COSBase item) {
		return (item instanceof COSObject reference) ? reference.getObject() : item;
	}

}

package nl.recordsdesk.recordings;

import java.util.List;
import java.util.stream.Stream;

/**
 * One kind of recording with what the rules say about announcing it, for the pages that
 * list them.
 */
public record AnnouncementRule(RecordingKind kind, RecordingRules.Announcement announcement) {

	/** Every kind, in the order of {@link RecordingKind}. */
	public static List<AnnouncementRule> all() {
		return Stream.of(RecordingKind.values())
			.map((kind) -> new AnnouncementRule(kind, RecordingRules.announcement(kind)))
			.toList();
	}

	public boolean required() {
		return this.announcement == RecordingRules.Announcement.REQUIRED;
	}

}

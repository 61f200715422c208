package nl.recordsdesk.recordings;

/** What is recorded: sound only, a still image, or moving images (with sound). */
public enum RecordingKind {

	AUDIO, PHOTO, VIDEO

}

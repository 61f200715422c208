package nl.recordsdesk.desk;

/**
 * The desk's name for {@link nl.recordsdesk.requests.RequestChangedException}, which
 * {@link DeskService} throws so that the desk's pages keep catching it by this name. The
 * physician's pages catch the one of {@code requests}.
 */
public class RequestChangedException extends nl.recordsdesk.requests.RequestChangedException {

	RequestChangedException(Throwable cause) {
		super(cause);
	}

}

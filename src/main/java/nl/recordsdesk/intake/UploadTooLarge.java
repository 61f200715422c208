package nl.recordsdesk.intake;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A file far over the limit never reaches a controller (the multipart parser refuses it
 * first), and neither does an upload the parser cannot read at all (a part header over
 * Tomcat's 512 bytes, a NUL in the file name, too many parts). Send the visitor back to
 * the page they were on, with a message, instead of an error page: what they entered
 * before is in the session draft and stays.
 */
@ControllerAdvice
class UploadTooLarge {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	RedirectView backToTheSamePage(HttpServletRequest request, RedirectAttributes redirect) {
		return back(request, redirect, "uploadTooLarge");
	}

	@ExceptionHandler({ MultipartException.class, MissingServletRequestPartException.class })
	RedirectView unreadable(HttpServletRequest request, RedirectAttributes redirect) {
		return back(request, redirect, "uploadUnreadable");
	}

	private static RedirectView back(HttpServletRequest request, RedirectAttributes redirect, String notice) {
		redirect.addFlashAttribute(notice, true);
		RedirectView view = new RedirectView(
				pageOf(request.getRequestURI().substring(request.getContextPath().length())), true);
		view.setExposeModelAttributes(false);
		return view;
	}

	/** The page whose form posted the upload. */
	static String pageOf(String path) {
		if (path.equals("/request/documents") || path.matches("/cosign/[^/]+")) {
			return path;
		}
		if (path.matches("/status/[^/]+/documents")) {
			return path.substring(0, path.length() - "/documents".length());
		}
		return "/";
	}

}

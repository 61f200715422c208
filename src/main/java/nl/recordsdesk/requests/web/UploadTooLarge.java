package nl.recordsdesk.requests.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A file far over the limit never reaches a controller (the multipart parser refuses it
 * first). Send the visitor back to the page they were on, with a message, instead of an
 * error page: what they entered before is in the session draft and stays.
 */
@ControllerAdvice
class UploadTooLarge {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	RedirectView backToTheSamePage(HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("uploadTooLarge", true);
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

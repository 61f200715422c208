package nl.recordsdesk.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page: what can be requested, by whom, and what to bring. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}

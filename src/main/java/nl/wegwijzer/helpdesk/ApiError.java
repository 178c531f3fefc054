package nl.wegwijzer.helpdesk;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;

/**
 * The body of every error of the staff API: a code for programs and a Dutch message for people.
 *
 * @param error {@code bad_request}, {@code not_found}, {@code unauthorized}, …
 * @param message what went wrong, in Dutch
 */
record ApiError(String error, String message) {

	static final String BAD_REQUEST = "bad_request";

	static final String NOT_FOUND = "not_found";

	/** Writes this error straight to a response, for the security filters that run before Spring MVC. */
	void write(HttpServletResponse response, int status, ObjectMapper json) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), this);
	}

}

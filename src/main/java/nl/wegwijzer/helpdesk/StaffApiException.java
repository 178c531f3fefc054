package nl.wegwijzer.helpdesk;

import org.springframework.http.HttpStatus;

/** A request the staff API refuses, with the status, the error code and the Dutch message to answer with. */
class StaffApiException extends RuntimeException {

	private final HttpStatus status;

	private final String error;

	StaffApiException(HttpStatus status, String error, String message) {
		super(message, null, false, false);
		this.status = status;
		this.error = error;
	}

	static StaffApiException badRequest(String message) {
		return new StaffApiException(HttpStatus.BAD_REQUEST, ApiError.BAD_REQUEST, message);
	}

	HttpStatus status() {
		return this.status;
	}

	ApiError body() {
		return new ApiError(this.error, getMessage());
	}

}

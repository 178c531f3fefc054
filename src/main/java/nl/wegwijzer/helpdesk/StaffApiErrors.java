package nl.wegwijzer.helpdesk;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every error of the helpdesk's controllers as {@code {"error","message"}} JSON with a Dutch message;
 * never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = StaffApiErrors.class)
class StaffApiErrors {

	private static final Logger log = LoggerFactory.getLogger(StaffApiErrors.class);

	private static final Map<Integer, ApiError> BY_STATUS = Map.of(
			400, new ApiError(ApiError.BAD_REQUEST, "Deze aanvraag klopt niet. Controleer wat je hebt ingevuld."),
			404, new ApiError(ApiError.NOT_FOUND, "Dat is niet gevonden."),
			405, new ApiError("method_not_allowed", "Deze handeling kan hier niet."),
			406, new ApiError("not_acceptable", "Dat formaat kan ik niet leveren."),
			413, new ApiError("too_large", "Het bestand is te groot."),
			415, new ApiError("unsupported_media_type", "Dit soort gegevens kan ik niet lezen."));

	@ExceptionHandler
	ResponseEntity<ApiError> refused(StaffApiException ex) {
		return ResponseEntity.status(ex.status()).body(ex.body());
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, TypeMismatchException.class })
	ResponseEntity<ApiError> unreadable(Exception ex) {
		return ResponseEntity.badRequest()
			.body(new ApiError(ApiError.BAD_REQUEST, "Deze aanvraag kan ik niet lezen. Controleer de gegevens."));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> multipart(MultipartException ex) {
		if (ex instanceof ErrorResponse response) {
			return standard(response);
		}
		return ResponseEntity.badRequest()
			.body(new ApiError(ApiError.BAD_REQUEST, "Stuur het bestand als multipart/form-data in het veld \"file\"."));
	}

	/**
	 * Spring MVC's own errors (missing parameter, wrong method, …) with their status; a
	 * {@link ResponseStatusException} keeps its reason as the message.
	 */
	private static ResponseEntity<ApiError> standard(ErrorResponse ex) {
		HttpStatusCode status = ex.getStatusCode();
		ApiError body = BY_STATUS.getOrDefault(status.value(),
				new ApiError("error", "Dat lukte niet. Probeer het nog eens."));
		if (ex instanceof ResponseStatusException rse && rse.getReason() != null) {
			body = new ApiError(body.error(), rse.getReason());
		}
		return ResponseEntity.status(status).headers(ex.getHeaders()).body(body);
	}

	/** The browser went away while we answered: nothing to tell it. */
	@ExceptionHandler
	void gone(AsyncRequestNotUsableException ex) {
		log.debug("Staff client gone", ex);
	}

	@ExceptionHandler
	ResponseEntity<ApiError> unexpected(Exception ex) {
		if (ex instanceof ErrorResponse response) {
			return standard(response);
		}
		log.error("Staff API request failed", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(new ApiError("internal", "Er ging iets mis op de server. Probeer het zo nog eens."));
	}

}

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

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/**
 * Every error of the helpdesk's controllers as {@code {"error","message"}} JSON with a Dutch message;
 * never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = StaffApiErrors.class)
class StaffApiErrors {

	private static final Logger log = LoggerFactory.getLogger(StaffApiErrors.class);

	private static final Map<Integer, ApiError> BY_STATUS = Map.of(
			400, new ApiError(ApiError.BAD_REQUEST, SAY.errors().badRequest()),
			404, new ApiError(ApiError.NOT_FOUND, SAY.errors().notFound()),
			405, new ApiError("method_not_allowed", SAY.errors().methodNotAllowed()),
			406, new ApiError("not_acceptable", SAY.errors().notAcceptable()),
			413, new ApiError("too_large", SAY.errors().tooLarge()),
			415, new ApiError("unsupported_media_type", SAY.errors().unsupportedMediaType()));

	@ExceptionHandler
	ResponseEntity<ApiError> refused(StaffApiException ex) {
		return ResponseEntity.status(ex.status()).body(ex.body());
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, TypeMismatchException.class })
	ResponseEntity<ApiError> unreadable(Exception ex) {
		return ResponseEntity.badRequest()
			.body(new ApiError(ApiError.BAD_REQUEST, SAY.errors().unreadable()));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> multipart(MultipartException ex) {
		if (ex instanceof ErrorResponse response) {
			return standard(response);
		}
		return ResponseEntity.badRequest()
			.body(new ApiError(ApiError.BAD_REQUEST, SAY.errors().notMultipart()));
	}

	/**
	 * Spring MVC's own errors (missing parameter, wrong method, …) with their status; a
	 * {@link ResponseStatusException} keeps its reason as the message.
	 */
	private static ResponseEntity<ApiError> standard(ErrorResponse ex) {
		HttpStatusCode status = ex.getStatusCode();
		ApiError body = BY_STATUS.getOrDefault(status.value(),
				new ApiError("error", SAY.errors().failed()));
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
			.body(new ApiError("internal", SAY.errors().internal()));
	}

}

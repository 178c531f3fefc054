package nl.wegwijzer.helpdesk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The CSRF token lives in the login session, and only the session's token is accepted. The
 * {@code XSRF-TOKEN} cookie is a copy for the staff pages' scripts to read and send back as
 * {@code X-XSRF-TOKEN}; a cookie set by anyone else (another subdomain, another tab's old session) proves
 * nothing, as it would with the plain double-submit cookie.
 */
class SessionCsrfTokenRepository implements CsrfTokenRepository {

	static final String COOKIE = "XSRF-TOKEN";

	private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	SessionCsrfTokenRepository() {
		this.session.setHeaderName("X-XSRF-TOKEN");
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.session.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		this.session.saveToken(token, request, response);
		ResponseCookie cookie = ResponseCookie.from(COOKIE, token == null ? "" : token.getToken())
			.path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
			.secure(request.isSecure())
			.sameSite("Strict")
			.maxAge(token == null ? 0 : -1)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return this.session.loadToken(request);
	}

}

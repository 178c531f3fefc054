package nl.wegwijzer.helpdesk;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import nl.wegwijzer.chat.ClientAddresses;
import nl.wegwijzer.system.ContentFiles;
import nl.wegwijzer.system.WebSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/**
 * Who may see what. The staff API and pages need a staff login, by HTTP Basic or by the form at
 * {@code /staff/login}; everything else — the visitor's chat page, {@code /ws/chat}, static files —
 * stays public and unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	static final String LOGIN = "/staff/login";

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	private static final RequestMatcher API = PATHS.matcher("/api/staff/**");

	private static final RequestMatcher PAGES = PATHS.matcher("/staff/**");

	/**
	 * What only an admin may do: retrain, the consent export and chain check, the staff audit, and the
	 * export and erasure of a conversation.
	 */
	private static final RequestMatcher ADMIN_ONLY = new OrRequestMatcher(
			PATHS.matcher(HttpMethod.POST, "/api/staff/model/retrain"), PATHS.matcher("/api/staff/consents"),
			PATHS.matcher("/api/staff/consents/**"), PATHS.matcher("/api/staff/audit"),
			PATHS.matcher("/api/staff/audit/**"), PATHS.matcher(HttpMethod.GET, "/api/staff/conversations/*/export"),
			PATHS.matcher(HttpMethod.DELETE, "/api/staff/conversations/*"));

	/** Operational metrics are for staff; health stays public for load balancers. */
	private static final RequestMatcher METRICS = PATHS.matcher("/actuator/prometheus");

	/**
	 * Scripts, styles and connections only from Wegwijzer itself: no inline script or style, nothing
	 * from elsewhere. {@code frame-ancestors} is added per area.
	 */
	static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "browsing-topics=()";

	/** Requests that authenticate themselves on every call: no cookie, so no cross-site forgery. */
	private static final RequestMatcher BASIC_AUTH = (request) -> {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	};

	@Bean
	StaffAccounts staffAccounts(StaffSettings settings) {
		return new StaffAccounts(settings, passwordEncoder());
	}

	@Bean
	LoginAttempts loginAttempts(JdbcClient jdbc, Clock clock) {
		return new LoginAttempts(jdbc, clock);
	}

	@Bean
	@Order(1)
	SecurityFilterChain staffSecurity(HttpSecurity http, StaffAccounts accounts, LoginAttempts attempts,
			ClientAddresses addresses, ObjectMapper json) throws Exception {
		// Failed logins count per name and client address, found the way the chat finds it.
		AuthenticationDetailsSource<HttpServletRequest, LoginAttempts.LoginDetails> loginDetails = (
				request) -> new LoginAttempts.LoginDetails(addresses.of(request));
		AuthenticationEntryPoint apiEntryPoint = new ApiEntryPoint(json);
		AuthenticationEntryPoint entryPoint = DelegatingAuthenticationEntryPoint.builder()
			.addEntryPointFor(apiEntryPoint, API)
			.addEntryPointFor(apiEntryPoint, METRICS)
			.defaultEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN))
			.build();

		LinkedHashMap<RequestMatcher, AccessDeniedHandler> deniedHandlers = new LinkedHashMap<>();
		deniedHandlers.put(API, (request, response, denied) -> ((denied instanceof CsrfException)
				? new ApiError("forbidden", SAY.errors().csrf())
				: new ApiError("forbidden", SAY.errors().adminOnly()))
			.write(response, HttpServletResponse.SC_FORBIDDEN, json));
		AccessDeniedHandler accessDenied = new RequestMatcherDelegatingAccessDeniedHandler(deniedHandlers,
				new AccessDeniedHandlerImpl());

		SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setDefaultTargetUrl("/staff");
		AuthenticationFailureHandler failure = (request, response, ex) -> response.sendRedirect(
				request.getContextPath() + LOGIN + (ex instanceof LoginAttempts.TooManyLoginAttemptsException ? "?locked" : "?error"));

		// After a login, go back to the page that asked for it; never to an API call or a file.
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		requestCache.setRequestMatcher(new AndRequestMatcher(PATHS.matcher(HttpMethod.GET, "/staff/**"),
				new NegatedRequestMatcher(PATHS.matcher("/staff/assets/**"))));

		http.securityMatcher(new OrRequestMatcher(API, PAGES, METRICS))
			.authenticationManager(authenticationManager(accounts, attempts))
			.authorizeHttpRequests((authorize) -> authorize
				// A forward comes from the app itself, and an async dispatch continues the inbox's event
				// stream, both after the original request was let through.
				.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ASYNC)
				.permitAll()
				.requestMatchers(PATHS.matcher(LOGIN), PATHS.matcher("/staff/assets/**"))
				.permitAll()
				.requestMatchers(ADMIN_ONLY)
				.hasRole(StaffAccounts.Role.ADMIN.name())
				.anyRequest()
				.hasRole(StaffAccounts.Role.AGENT.name()))
			.httpBasic((basic) -> basic.realmName(ApiEntryPoint.REALM)
				.authenticationEntryPoint(apiEntryPoint)
				.authenticationDetailsSource(loginDetails))
			.formLogin((form) -> form.loginPage(LOGIN)
				.authenticationDetailsSource(loginDetails)
				.loginProcessingUrl(LOGIN)
				.successHandler(success)
				.failureHandler(failure)
				.permitAll())
			// Always the redirect, also for scripts (Spring would answer those with a bare 204).
			.logout((logout) -> logout.logoutRequestMatcher(PATHS.matcher(HttpMethod.POST, "/staff/logout"))
				.logoutSuccessHandler(loggedOut()))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			// The token is the session's; the plain handler takes it as the pages send it back.
			.csrf((csrf) -> csrf.csrfTokenRepository(new SessionCsrfTokenRepository())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.ignoringRequestMatchers(BASIC_AUTH))
			.headers((headers) -> privacyHeaders(headers)
				.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_POLICY + "; frame-ancestors 'none'")))
			.addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * Everything outside the staff area: public as before. No CSRF protection is needed where nothing
	 * is authenticated, and the visitor's page stays cacheable and embeddable in the information site.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain publicSecurity(HttpSecurity http, WebSettings web) throws Exception {
		String frameAncestors = String.join(" ", web.frameAncestors());
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> privacyHeaders(headers).frameOptions((frame) -> frame.disable())
				.cacheControl((cache) -> cache.disable())
				.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_POLICY + "; frame-ancestors " + frameAncestors)));
		return http.build();
	}

	/**
	 * No page address leaves the site in a {@code Referer}, no page may use the camera, microphone or
	 * location, and HSTS (Spring's default, one year) goes out on every secure request: behind a TLS proxy
	 * that needs {@code server.forward-headers-strategy=native}, so the request is known to be secure.
	 */
	private static HeadersConfigurer<HttpSecurity> privacyHeaders(HeadersConfigurer<HttpSecurity> headers) {
		return headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY));
	}

	private static LogoutSuccessHandler loggedOut() {
		SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
		handler.setDefaultTargetUrl(LOGIN + "?logout");
		return handler;
	}

	private static AuthenticationManager authenticationManager(StaffAccounts accounts, LoginAttempts attempts) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(passwordEncoder());
		return new ProviderManager(attempts.guarding(passwords));
	}

	private static PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/**
	 * 401 (or 429 while locked) as JSON for the API, never a login page. The Basic challenge goes only
	 * to callers without a session and not marked as a script ({@code X-Requested-With}), so curl gets
	 * it and a staff page whose session ran out gets no browser password prompt.
	 */
	static final class ApiEntryPoint implements AuthenticationEntryPoint {

		static final String REALM = "Wegwijzer";

		private final ObjectMapper json;

		ApiEntryPoint(ObjectMapper json) {
			this.json = json;
		}

		@Override
		public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
				throws IOException {
			if (ex instanceof LoginAttempts.TooManyLoginAttemptsException locked) {
				long seconds = Math.max(1, Duration.between(Instant.now(), locked.lockedUntil()).toSeconds());
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				long minutes = (seconds + 59) / 60;
				new ApiError("too_many_attempts", ContentFiles.fill(SAY.errors().tooManyLogins(), "minutes", minutes,
						"unit", (minutes == 1) ? SAY.errors().minute() : SAY.errors().minutes()))
					.write(response, HttpStatus.TOO_MANY_REQUESTS.value(), this.json);
				return;
			}
			boolean script = "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"));
			if (request.getRequestedSessionId() == null && !script) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
			}
			new ApiError("unauthorized", SAY.errors().unauthorized())
				.write(response, HttpServletResponse.SC_UNAUTHORIZED, this.json);
		}

	}

	/**
	 * Makes sure the {@code XSRF-TOKEN} cookie is set: Spring Security creates the token only when
	 * something asks for it, and the staff pages read it from the cookie.
	 */
	static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!BASIC_AUTH.matches(request) && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

}

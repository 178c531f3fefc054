package nl.wegwijzer;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An HTTP client for the staff API in tests: either signing every request with HTTP Basic, or a browser
 * with cookies (session and {@code XSRF-TOKEN}) that logs in through the form. Never follows redirects,
 * so tests see them.
 */
public final class StaffHttp {

	public static final ObjectMapper JSON = new ObjectMapper();

	private final int port;

	private final String authorization;

	private final CookieManager cookies;

	/** Sent as {@code X-Forwarded-For}, as a trusted proxy would, when set. */
	private String forwardedFor;

	private final HttpClient client;

	private StaffHttp(int port, String authorization) {
		this(port, authorization, new CookieManager());
	}

	private StaffHttp(int port, String authorization, CookieManager cookies) {
		this.port = port;
		this.authorization = authorization;
		this.cookies = cookies;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** The same browser, with its cookies, sent to another instance, as a load balancer may. */
	public StaffHttp on(int otherPort) {
		return new StaffHttp(otherPort, this.authorization, this.cookies);
	}

	public static StaffHttp anonymous(int port) {
		return new StaffHttp(port, null);
	}

	public static StaffHttp basic(int port, String username, String password) {
		return new StaffHttp(port, "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	/** A browser that fetched the login page (for its CSRF cookie) and logged in with the form. */
	public static StaffHttp loggedIn(int port, String username, String password) throws Exception {
		StaffHttp browser = anonymous(port);
		HttpResponse<String> login = browser.login(username, password);
		if (login.statusCode() != 302 || !login.headers().firstValue("Location").orElse("").endsWith("/staff")) {
			throw new AssertionError("login failed: " + login.statusCode() + " " + login.headers().map());
		}
		return browser;
	}

	/** Requests as if from {@code address}, behind the trusted proxy the tests run as. */
	public StaffHttp from(String address) {
		this.forwardedFor = address;
		return this;
	}

	public HttpResponse<String> login(String username, String password) throws Exception {
		get("/staff/login");
		return postForm("/staff/login", Map.of("username", username, "password", password, "_csrf", csrfToken()));
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		if (this.forwardedFor != null) {
			request.header("X-Forwarded-For", this.forwardedFor);
		}
		return request;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	public HttpResponse<String> postJson(String path, Object body) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	/** A JSON POST with the CSRF cookie's value in {@code X-XSRF-TOKEN}, as the staff pages send it. */
	public HttpResponse<String> postJsonWithCsrf(String path, Object body) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrfToken())
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
		String form = fields.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
			throws IOException, InterruptedException {
		return this.client.send(request, handler);
	}

	/** Sets a cookie as another site or an attacker's script could, replacing the one of that name. */
	public void plantCookie(String name, String value) {
		CookieStore store = this.cookies.getCookieStore();
		store.getCookies().stream().filter((c) -> c.getName().equals(name)).toList().forEach((c) -> store.remove(null, c));
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		store.add(uri("/"), cookie);
	}

	public String csrfToken() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse("");
	}

	public static JsonNode json(HttpResponse<String> response) throws IOException {
		return JSON.readTree(response.body());
	}

}

package nl.wegwijzer.helpdesk;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.StaffHttp;

import org.springframework.boot.test.web.server.LocalServerPort;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Who gets in where, through the real security filters of the running app. */
@HelpdeskTest
class StaffSecurityTests {

	@LocalServerPort
	int port;

	@Test
	void shouldAnswerAnonymousApiCallsWith401Json() throws Exception {
		HttpResponse<String> response = StaffHttp.anonymous(this.port).get("/api/staff/conversations");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode body = json(response);
		assertThat(body.path("error").asString()).isEqualTo("unauthorized");
		assertThat(body.path("message").asString()).contains("Log in");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Wegwijzer\"");
	}

	@Test
	void shouldNotChallengeScriptsWithABasicPrompt() throws Exception {
		StaffHttp browser = StaffHttp.anonymous(this.port);
		HttpResponse<String> response = browser.send(browser.request("/api/staff/me")
			.header("X-Requested-With", "XMLHttpRequest")
			.GET());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	@Test
	void shouldSendAnonymousPageVisitsToTheLogin() throws Exception {
		StaffHttp browser = StaffHttp.anonymous(this.port);
		for (String page : new String[] { "/staff", "/staff/triage", "/staff/conversation?id=x" }) {
			HttpResponse<String> response = browser.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(page)
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/staff/login"));
		}
	}

	@Test
	void shouldKeepTheLoginAssetsAndTheVisitorsChatPublic() throws Exception {
		StaffHttp browser = StaffHttp.anonymous(this.port);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(browser.get("/chat.js").statusCode()).isEqualTo(200);
		assertThat(browser.get("/staff/assets/staff.css").statusCode()).isEqualTo(200);
		HttpResponse<String> login = browser.get("/staff/login");
		assertThat(login.statusCode()).isNotIn(302, 401, 403);
		assertThat(browser.csrfToken()).as("the login page hands out the CSRF cookie").isNotEmpty();
	}

	@Test
	void shouldRefuseAWrongPasswordWith401() throws Exception {
		HttpResponse<String> response = StaffHttp.basic(this.port, "staff", "fout").get("/api/staff/me");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response).path("error").asString()).isEqualTo("unauthorized");
	}

	@Test
	void shouldLetStaffInWithBasic() throws Exception {
		HttpResponse<String> response = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD).get("/api/staff/me");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).path("username").asString()).isEqualTo("staff");
		assertThat(json(response).path("name").asString()).isEqualTo("Anna");
		assertThat(response.headers().allValues("Set-Cookie")).as("Basic is stateless").isEmpty();
	}

	@Test
	void shouldAcceptABcryptConfiguredPasswordAndAnyCaseOfTheName() throws Exception {
		HttpResponse<String> response = StaffHttp.basic(this.port, "Bert", HelpdeskTest.BERT_PASSWORD).get("/api/staff/me");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).path("username").asString()).isEqualTo("bert");
		assertThat(json(response).path("name").asString()).isEqualTo("Bert");
	}

	@Test
	void shouldLogInWithTheFormAndRequireTheCsrfTokenForChanges() throws Exception {
		StaffHttp browser = StaffHttp.loggedIn(this.port, "staff", HelpdeskTest.PASSWORD);
		assertThat(browser.get("/api/staff/me").statusCode()).isEqualTo(200);

		Map<String, String> enquiry = Map.of("text", "Hoe lang duurt een strategisch partnerschap?");
		HttpResponse<String> forged = browser.postJson("/api/staff/triage", enquiry);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(json(forged).path("error").asString()).isEqualTo("forbidden");

		HttpResponse<String> allowed = browser.postJsonWithCsrf("/api/staff/triage", enquiry);
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(json(allowed).path("intent").asString()).isEqualTo("duur");
	}

	@Test
	void shouldNotNeedCsrfWithBasic() throws Exception {
		HttpResponse<String> response = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD)
			.postJson("/api/staff/triage", Map.of("text", "Hoe lang duurt een strategisch partnerschap?"));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRefuseAFormLoginWithoutCsrfToken() throws Exception {
		StaffHttp browser = StaffHttp.anonymous(this.port);
		HttpResponse<String> response = browser.postForm("/staff/login",
				Map.of("username", "staff", "password", HelpdeskTest.PASSWORD));
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void shouldSendAFailedFormLoginBackWithError() throws Exception {
		HttpResponse<String> response = StaffHttp.anonymous(this.port).login("staff", "fout");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/staff/login?error"));
	}

	@Test
	void shouldLogOutWithAPostAndForgetTheSession() throws Exception {
		StaffHttp browser = StaffHttp.loggedIn(this.port, "staff", HelpdeskTest.PASSWORD);
		browser.get("/api/staff/me");
		HttpResponse<String> logout = browser.postForm("/staff/logout", Map.of("_csrf", browser.csrfToken()));
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/staff/login?logout"));
		// The page's own script asks, as staff.js does: the session ended, and the browser shows no prompt.
		HttpResponse<String> after = browser.send(browser.request("/api/staff/me")
			.header("X-Requested-With", "XMLHttpRequest")
			.GET());
		assertThat(after.statusCode()).isEqualTo(401);
		assertThat(after.headers().firstValue("WWW-Authenticate")).as("no prompt for a page whose session ended").isEmpty();
	}

	@Test
	void shouldAcceptOnlyTheCsrfTokenOfTheSessionItself() throws Exception {
		StaffHttp anna = StaffHttp.loggedIn(this.port, "staff", HelpdeskTest.PASSWORD);
		StaffHttp bert = StaffHttp.loggedIn(this.port, "bert", HelpdeskTest.BERT_PASSWORD);
		// The login rotates the token; the next page hands out the new one.
		anna.get("/staff");
		bert.get("/staff");
		String bertsToken = bert.csrfToken();
		assertThat(bertsToken).isNotEmpty().isNotEqualTo(anna.csrfToken());

		assertThat(anna.postForm("/staff/logout", Map.of("_csrf", bertsToken)).statusCode())
			.as("another session's token").isEqualTo(403);
		// Double submit with a planted cookie: cookie and header agree, but not with the session.
		anna.plantCookie("XSRF-TOKEN", bertsToken);
		assertThat(anna.csrfToken()).isEqualTo(bertsToken);
		assertThat(anna.postForm("/staff/logout", Map.of("_csrf", bertsToken)).statusCode()).isEqualTo(403);
		assertThat(anna.get("/api/staff/me").statusCode()).as("still logged in").isEqualTo(200);

		HttpResponse<String> logout = bert.postForm("/staff/logout", Map.of("_csrf", bertsToken));
		assertThat(logout.statusCode()).isEqualTo(302);
	}

	@Test
	void shouldHoldUpANameOnlyFromTheAddressThatFailedForBasicAndForm() throws Exception {
		for (int i = 0; i < LoginAttempts.FREE_FAILURES; i++) {
			assertThat(StaffHttp.basic(this.port, "slot", "fout-" + i).from("203.0.113.7").get("/api/staff/me").statusCode())
				.isEqualTo(401);
		}
		HttpResponse<String> locked = StaffHttp.basic(this.port, "slot", HelpdeskTest.SLOT_PASSWORD)
			.from("203.0.113.7")
			.get("/api/staff/me");
		assertThat(locked.statusCode()).as("even the right password is refused").isEqualTo(429);
		assertThat(json(locked).path("error").asString()).isEqualTo("too_many_attempts");
		assertThat(json(locked).path("message").asString()).contains("1 minuut");
		assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(
				(seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, LoginAttempts.FIRST_DELAY.toSeconds()));

		HttpResponse<String> form = StaffHttp.anonymous(this.port).from("203.0.113.7").login("slot", HelpdeskTest.SLOT_PASSWORD);
		assertThat(form.statusCode()).isEqualTo(302);
		assertThat(form.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/staff/login?locked"));

		assertThat(StaffHttp.basic(this.port, "slot", HelpdeskTest.SLOT_PASSWORD).from("198.51.100.9").get("/api/staff/me")
			.statusCode()).as("the same name from elsewhere is not held up").isEqualTo(200);
		assertThat(StaffHttp.basic(this.port, "slot", HelpdeskTest.SLOT_PASSWORD)
			.from("203.0.113.7, 198.51.100.9")
			.get("/api/staff/me")
			.statusCode()).as("a made-up hop left of the proxy's does not count").isEqualTo(200);
		assertThat(StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD).from("203.0.113.7").get("/api/staff/me")
			.statusCode()).as("other names are not affected").isEqualTo(200);
	}

}

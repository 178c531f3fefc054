package nl.wegwijzer.helpdesk;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.wegwijzer.StaffHttp;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page gets a strict Content-Security-Policy, a Referrer-Policy and a Permissions-Policy; only the
 * visitor's page may be embedded; HSTS goes out behind HTTPS; every cookie says SameSite.
 */
@HelpdeskTest
class SecurityHeadersTests {

	@LocalServerPort
	int port;

	@Test
	void shouldServeTheChatPageWithAStrictPolicyThatAllowsConfiguredEmbedding() throws Exception {
		HttpHeaders page = StaffHttp.anonymous(this.port).get("/").headers();
		String policy = page.firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("script-src 'self'", "style-src 'self'", "object-src 'none'",
				"frame-ancestors 'self'");
		assertThat(policy).doesNotContain("unsafe-inline");
		assertThat(page.firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(page.firstValue("X-Frame-Options")).isEmpty();
		assertThat(page.allValues("Set-Cookie")).as("the chat page starts no session").isEmpty();
	}

	@Test
	void shouldFrameTheChatPageOnlyFromAllowedOrigins() throws Exception {
		for (String path : new String[] { "/", "/widget.js" }) {
			String policy = StaffHttp.anonymous(this.port).get(path).headers().firstValue("Content-Security-Policy")
				.orElseThrow();
			assertThat(policy).as(path).endsWith("frame-ancestors 'self' http://localhost:* http://127.0.0.1:*");
		}
	}

	@Test
	void shouldSendNoReferrerAcrossSitesAndAllowNoDeviceFeatures() throws Exception {
		for (String path : new String[] { "/", "/staff/login" }) {
			HttpResponse<String> page = StaffHttp.anonymous(this.port).get(path);
			assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
			assertThat(page.headers().firstValue("Permissions-Policy")).as(path)
				.hasValueSatisfying((policy) -> assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()"));
		}
	}

	@Test
	void shouldSendHstsOnlyBehindHttps() throws Exception {
		StaffHttp client = StaffHttp.anonymous(this.port);
		HttpResponse<String> plain = client.get("/staff/login");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
		HttpResponse<String> secure = client.send(client.request("/staff/login").header("X-Forwarded-Proto", "https").GET());
		assertThat(secure.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000"));
		HttpResponse<String> chat = client.send(client.request("/").header("X-Forwarded-Proto", "https").GET());
		assertThat(chat.headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	@Test
	void shouldSetSameSiteOnEveryCookie() throws Exception {
		HttpResponse<String> login = StaffHttp.anonymous(this.port).get("/staff/login");
		List<String> cookies = login.headers().allValues("Set-Cookie");
		assertThat(cookies).extracting((c) -> c.substring(0, c.indexOf('=')))
			.contains("SESSION", "XSRF-TOKEN");
		assertThat(cookies).allSatisfy((cookie) -> assertThat(cookie).containsIgnoringCase("SameSite="));
	}

	@Test
	void shouldNeverLetTheStaffAreaBeFramed() throws Exception {
		HttpHeaders headers = StaffHttp.anonymous(this.port).get("/staff/login").headers();
		assertThat(headers.firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
		assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
	}

}

package nl.wegwijzer.helpdesk;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page gets a strict Content-Security-Policy; only the visitor's page may be embedded. */
@HelpdeskTest
class SecurityHeadersTests {

	@Autowired
	TestRestTemplate http;

	@Test
	void shouldServeTheChatPageWithAStrictPolicyThatAllowsConfiguredEmbedding() {
		ResponseEntity<String> page = this.http.getForEntity("/", String.class);
		String policy = page.getHeaders().getFirst("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self'", "style-src 'self'", "object-src 'none'",
				"frame-ancestors 'self'");
		assertThat(policy).doesNotContain("unsafe-inline");
		assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.getHeaders().getFirst("X-Frame-Options")).isNull();
	}

	@Test
	void shouldNeverLetTheStaffAreaBeFramed() {
		HttpHeaders headers = this.http.getForEntity("/staff/login", String.class).getHeaders();
		assertThat(headers.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
	}

}

package nl.wegwijzer.helpdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole app on a random port with known staff accounts, shared by the helpdesk's tests so they
 * start it once: {@code staff} (display name Anna, an admin as the main account), the agents {@code bert}
 * (a {@code {bcrypt}} password) and {@code slot}, kept for the lockout test. The retention job's schedule is off; tests run it by hand. Both
 * optional cookie categories are offered, as on a site whose own scripts follow the choice. The helpdesk
 * is open around the clock, so a handoff depends only on who is available. The tests' own address counts
 * as a trusted proxy, so a test can log in "from" another address with {@code X-Forwarded-For}, and
 * "behind HTTPS" with {@code X-Forwarded-Proto}, as behind a TLS proxy.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:helpdesk;DB_CLOSE_DELAY=-1",
				"wegwijzer.staff.password=" + HelpdeskTest.PASSWORD, "wegwijzer.staff.name=Anna",
				"wegwijzer.staff.users[0].username=bert", "wegwijzer.staff.users[0].password={bcrypt}" + HelpdeskTest.BERT_HASH,
				"wegwijzer.staff.users[0].name=Bert", "wegwijzer.staff.users[0].role=agent",
				"wegwijzer.staff.users[1].username=slot", "wegwijzer.staff.users[1].password=" + HelpdeskTest.SLOT_PASSWORD,
				"wegwijzer.staff.users[1].role=agent", "wegwijzer.retention.cron=-",
				"wegwijzer.consent.categories=analytics,social", "wegwijzer.helpdesk.office-hours=MON-SUN 00:00-24:00",
				"wegwijzer.limits.trusted-proxies=127.0.0.1", "server.forward-headers-strategy=native" })
@interface HelpdeskTest {

	String PASSWORD = "geheim-voor-de-tests";

	/** bcrypt of {@code bert-wachtwoord}. */
	String BERT_HASH = "$2a$10$4hvBrdZFuspdUdjKnMnKneTWNZW1PCTJDyrQvP/HCmZJujk9qtPYG";

	String BERT_PASSWORD = "bert-wachtwoord";

	String SLOT_PASSWORD = "slot-wachtwoord";

}

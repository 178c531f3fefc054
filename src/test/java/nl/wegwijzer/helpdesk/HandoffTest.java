package nl.wegwijzer.helpdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import nl.wegwijzer.chat.VisitorTyping;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/**
 * The whole app on a random port, as {@link HelpdeskTest}, with a clock the tests move by hand and an
 * SMTP server of the test's own: shared by the tests of handoffs, presence and the conversation
 * lifecycle, which start it once. The mail goes to 127.0.0.1; a test that reads it points the sender at
 * the port of its own SMTP server. The clock starts on Wednesday 2 December 2026, 10:00 in Amsterdam,
 * within the office hours {@code MON-FRI 09:00-17:00}; Christmas Day is a closed day.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(HandoffTest.Beans.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:handoff;DB_CLOSE_DELAY=-1",
				"wegwijzer.staff.password=" + HelpdeskTest.PASSWORD, "wegwijzer.staff.name=Anna",
				"wegwijzer.staff.users[0].username=bert", "wegwijzer.staff.users[0].password=" + HelpdeskTest.BERT_PASSWORD,
				"wegwijzer.staff.users[0].name=Bert", "wegwijzer.staff.users[0].role=agent", "wegwijzer.retention.cron=-",
				"wegwijzer.helpdesk.office-hours=MON-FRI 09:00-17:00", "wegwijzer.helpdesk.closed-days=2026-12-25",
				"wegwijzer.helpdesk.missed-after=5m", "spring.mail.host=127.0.0.1" })
@interface HandoffTest {

	Instant START = Instant.parse("2026-12-02T09:00:00Z");

	@TestConfiguration(proxyBeanMethods = false)
	class Beans {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(START);
		}

		@Bean
		TypingEvents typingEvents() {
			return new TypingEvents();
		}

	}

	/** Every {@link VisitorTyping} the chat publishes, for the tests to read. */
	class TypingEvents {

		final BlockingQueue<VisitorTyping> received = new LinkedBlockingQueue<>();

		@EventListener
		void on(VisitorTyping typing) {
			this.received.add(typing);
		}

	}

}

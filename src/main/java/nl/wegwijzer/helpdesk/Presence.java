package nl.wegwijzer.helpdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import nl.wegwijzer.chat.Staffing;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who of the staff can take a chat now. A staff member is available while their inbox page keeps saying
 * so (a heartbeat) and they did not switch to "afwezig"; a claim lapses {@link #LAPSE} after the last one,
 * so a closed laptop never leaves visitors waiting. Outside office hours nobody is available. Kept in the
 * database (table {@code staff_presence}), so every instance behind a load balancer counts the same
 * colleagues, whichever instance their inbox page reports to.
 */
@Component
class Presence implements Staffing {

	static final Duration LAPSE = Duration.ofSeconds(90);

	/** What the inbox shows: how many colleagues are available and whether it is office hours. */
	record Status(int available, boolean officeHours) {
	}

	private final Clock clock;

	private final OfficeHours officeHours;

	private final JdbcClient jdbc;

	private final Duration missedAfter;

	private final int keptDays;

	Presence(JdbcClient jdbc, Clock clock, HelpdeskSettings settings, RetentionSettings retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.officeHours = OfficeHours.of(settings);
		this.missedAfter = settings.missedAfter();
		this.keptDays = retention.transcriptDays();
	}

	void set(String username, boolean available) {
		String key = StaffAccounts.key(username);
		if (!available) {
			this.jdbc.sql("delete from staff_presence where username = :username").param("username", key).update();
			return;
		}
		long now = this.clock.millis();
		// An update, else an insert; an insert that lost a race with a colleague's instance is that update.
		if (touch(key, now) == 0) {
			try {
				this.jdbc.sql("insert into staff_presence (username, available_at) values (:username, :at)")
					.param("username", key)
					.param("at", now)
					.update();
			}
			catch (DuplicateKeyException ex) {
				touch(key, now);
			}
		}
	}

	private int touch(String key, long now) {
		return this.jdbc.sql("update staff_presence set available_at = :at where username = :username")
			.param("at", now)
			.param("username", key)
			.update();
	}

	Status status() {
		Instant now = this.clock.instant();
		this.jdbc.sql("delete from staff_presence where available_at <= :lapsed")
			.param("lapsed", now.minus(LAPSE).toEpochMilli())
			.update();
		int available = this.jdbc.sql("select count(*) from staff_presence").query(Integer.class).single();
		return new Status(available, this.officeHours.isOpen(now));
	}

	@Override
	public int available() {
		Status status = status();
		return status.officeHours() ? status.available() : 0;
	}

	@Override
	public Duration missedAfter() {
		return this.missedAfter;
	}

	@Override
	public int keptDays() {
		return this.keptDays;
	}

}

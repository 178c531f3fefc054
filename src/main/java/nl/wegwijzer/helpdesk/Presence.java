package nl.wegwijzer.helpdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.wegwijzer.chat.Staffing;

import org.springframework.stereotype.Component;

/**
 * Who of the staff can take a chat now. A staff member is available while their inbox page keeps saying
 * so (a heartbeat) and they did not switch to "afwezig"; a claim lapses {@link #LAPSE} after the last one,
 * so a closed laptop never leaves visitors waiting. Outside office hours nobody is available. Kept in
 * memory per server instance: after a restart the open inbox pages report again within a minute.
 */
@Component
class Presence implements Staffing {

	static final Duration LAPSE = Duration.ofSeconds(90);

	/** What the inbox shows: how many colleagues are available and whether it is office hours. */
	record Status(int available, boolean officeHours) {
	}

	private final Clock clock;

	private final OfficeHours officeHours;

	/** Available staff by user name (lower case), with when they last said so. */
	private final Map<String, Instant> available = new ConcurrentHashMap<>();

	private final Duration missedAfter;

	private final int keptDays;

	Presence(Clock clock, HelpdeskSettings settings, RetentionSettings retention) {
		this.clock = clock;
		this.officeHours = OfficeHours.of(settings);
		this.missedAfter = settings.missedAfter();
		this.keptDays = retention.transcriptDays();
	}

	void set(String username, boolean available) {
		if (available) {
			this.available.put(StaffAccounts.key(username), this.clock.instant());
		}
		else {
			this.available.remove(StaffAccounts.key(username));
		}
	}

	Status status() {
		Instant now = this.clock.instant();
		this.available.values().removeIf((since) -> !since.plus(LAPSE).isAfter(now));
		return new Status(this.available.size(), this.officeHours.isOpen(now));
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

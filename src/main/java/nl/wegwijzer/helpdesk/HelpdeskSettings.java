package nl.wegwijzer.helpdesk;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the helpdesk answers chats, under {@code wegwijzer.helpdesk}.
 *
 * @param officeHours the days and hours a visitor can get a colleague, e.g. {@code MON-FRI 09:00-17:00};
 * several ranges separated by commas ({@code MON-THU 09:00-17:00, FRI 09:00-12:00})
 * @param zone the time zone of the office hours
 * @param closedDays dates the helpdesk is closed all day (public holidays)
 * @param missedAfter a visitor waiting this long without an answer is a missed handoff: the bot offers to
 * answer by e-mail, and the statistics count it
 * @param mailFrom the sender of the answers staff send by e-mail
 */
@ConfigurationProperties("wegwijzer.helpdesk")
record HelpdeskSettings(String officeHours, ZoneId zone, List<LocalDate> closedDays, Duration missedAfter,
		String mailFrom) {

	HelpdeskSettings {
		officeHours = (officeHours == null || officeHours.isBlank()) ? "MON-FRI 09:00-17:00" : officeHours.strip();
		zone = (zone == null) ? ZoneId.of("Europe/Amsterdam") : zone;
		closedDays = (closedDays == null) ? List.of() : List.copyOf(closedDays);
		missedAfter = (missedAfter == null) ? Duration.ofMinutes(5) : missedAfter;
		mailFrom = (mailFrom == null || mailFrom.isBlank()) ? "helpdesk@localhost" : mailFrom.strip();
	}

}

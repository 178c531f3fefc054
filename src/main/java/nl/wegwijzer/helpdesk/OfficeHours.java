package nl.wegwijzer.helpdesk;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The helpdesk's office hours, read from a setting such as {@code MON-FRI 09:00-17:00} (several ranges
 * separated by commas), in one time zone, minus whole closed days.
 */
final class OfficeHours {

	private static final Pattern RANGE = Pattern
		.compile("([A-Z]{3})(?:-([A-Z]{3}))?\\s+(\\d{1,2}:\\d{2})-(\\d{1,2}:\\d{2})");

	private record Range(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
	}

	private final List<Range> ranges;

	private final ZoneId zone;

	private final Set<LocalDate> closedDays;

	private OfficeHours(List<Range> ranges, ZoneId zone, Set<LocalDate> closedDays) {
		this.ranges = List.copyOf(ranges);
		this.zone = zone;
		this.closedDays = Set.copyOf(closedDays);
	}

	/** @throws IllegalArgumentException when the setting cannot be read, saying what is wrong */
	static OfficeHours of(HelpdeskSettings settings) {
		List<Range> ranges = new ArrayList<>();
		for (String part : settings.officeHours().toUpperCase(Locale.ROOT).split(",")) {
			Matcher matcher = RANGE.matcher(part.strip());
			if (!matcher.matches()) {
				throw new IllegalArgumentException("wegwijzer.helpdesk.office-hours: cannot read '" + part.strip()
						+ "'; write e.g. MON-FRI 09:00-17:00");
			}
			DayOfWeek first = day(matcher.group(1));
			DayOfWeek last = (matcher.group(2) != null) ? day(matcher.group(2)) : first;
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			for (DayOfWeek day = first;; day = day.plus(1)) {
				days.add(day);
				if (day == last) {
					break;
				}
			}
			LocalTime from = time(matcher.group(3));
			LocalTime to = time(matcher.group(4));
			if (!from.isBefore(to)) {
				throw new IllegalArgumentException("wegwijzer.helpdesk.office-hours: '" + part.strip()
						+ "' ends before it starts");
			}
			ranges.add(new Range(days, from, to));
		}
		return new OfficeHours(ranges, settings.zone(), Set.copyOf(settings.closedDays()));
	}

	boolean isOpen(Instant instant) {
		ZonedDateTime local = instant.atZone(this.zone);
		if (this.closedDays.contains(local.toLocalDate())) {
			return false;
		}
		LocalTime time = local.toLocalTime();
		return this.ranges.stream()
			.anyMatch((r) -> r.days().contains(local.getDayOfWeek()) && !time.isBefore(r.from()) && time.isBefore(r.to()));
	}

	private static DayOfWeek day(String abbreviation) {
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().startsWith(abbreviation)) {
				return day;
			}
		}
		throw new IllegalArgumentException("wegwijzer.helpdesk.office-hours: unknown day '" + abbreviation
				+ "'; use MON, TUE, WED, THU, FRI, SAT, SUN");
	}

	/** "9:00" or "09:00"; "24:00" is the end of the day. */
	private static LocalTime time(String time) {
		if (time.equals("24:00")) {
			return LocalTime.MAX;
		}
		return LocalTime.parse((time.length() == 4) ? "0" + time : time);
	}

}

package nl.wegwijzer.helpdesk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import nl.wegwijzer.system.ContentFiles;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/**
 * Whole days in UTC, both ends included, as the {@code from} and {@code to} parameters give them; by
 * default the last {@value #DEFAULT_DAYS} days up to and including today.
 */
record DateRange(LocalDate from, LocalDate to) {

	static final int DEFAULT_DAYS = 30;

	static DateRange of(String from, String to, Clock clock) {
		LocalDate end = (to == null || to.isBlank()) ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : parse(to, "to");
		LocalDate start = (from == null || from.isBlank()) ? end.minusDays(DEFAULT_DAYS - 1) : parse(from, "from");
		if (start.isAfter(end)) {
			throw StaffApiException.badRequest(SAY.errors().fromAfterTo());
		}
		return new DateRange(start, end);
	}

	private static LocalDate parse(String date, String name) {
		try {
			return LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException ex) {
			throw StaffApiException.badRequest(ContentFiles.fill(SAY.errors().notADate(), "name", name));
		}
	}

	/** The first instant of the range. */
	Instant start() {
		return this.from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The first instant after the range. */
	Instant end() {
		return this.to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}

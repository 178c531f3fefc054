package nl.wegwijzer.helpdesk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OfficeHoursTests {

	private static OfficeHours hours(String setting, LocalDate... closed) {
		return OfficeHours.of(new HelpdeskSettings(setting, ZoneId.of("Europe/Amsterdam"), List.of(closed),
				Duration.ofMinutes(5), null));
	}

	@Test
	void shouldBeOpenOnWeekdaysWithinTheHoursInAmsterdam() {
		OfficeHours hours = hours("MON-FRI 09:00-17:00");
		// Wednesday 2 December 2026; Amsterdam is UTC+1 in winter.
		assertThat(hours.isOpen(Instant.parse("2026-12-02T07:59:59Z"))).isFalse();
		assertThat(hours.isOpen(Instant.parse("2026-12-02T08:00:00Z"))).isTrue();
		assertThat(hours.isOpen(Instant.parse("2026-12-02T15:59:59Z"))).isTrue();
		assertThat(hours.isOpen(Instant.parse("2026-12-02T16:00:00Z"))).isFalse();
		assertThat(hours.isOpen(Instant.parse("2026-12-05T10:00:00Z"))).as("Saturday").isFalse();
		// Summer time: UTC+2.
		assertThat(hours.isOpen(Instant.parse("2026-07-01T07:30:00Z"))).isTrue();
	}

	@Test
	void shouldReadSeveralRangesAndClosedDays() {
		OfficeHours hours = hours("mon-thu 9:00-17:00, FRI 09:00-12:00, SAT-SUN 10:00-11:00", LocalDate.of(2026, 12, 25));
		assertThat(hours.isOpen(Instant.parse("2026-12-04T10:30:00Z"))).as("Friday morning").isTrue();
		assertThat(hours.isOpen(Instant.parse("2026-12-04T12:30:00Z"))).as("Friday afternoon").isFalse();
		assertThat(hours.isOpen(Instant.parse("2026-12-06T09:30:00Z"))).as("Sunday 10:30").isTrue();
		assertThat(hours.isOpen(Instant.parse("2026-12-25T10:00:00Z"))).as("Christmas").isFalse();
	}

	@Test
	void shouldReadAWholeDay() {
		OfficeHours hours = hours("MON-SUN 00:00-24:00");
		assertThat(hours.isOpen(Instant.parse("2026-12-06T22:59:59Z"))).as("Sunday 23:59:59 in Amsterdam").isTrue();
		assertThat(hours.isOpen(Instant.parse("2026-12-06T23:00:00Z"))).as("Monday 00:00").isTrue();
	}

	@Test
	void shouldRefuseASettingItCannotRead() {
		assertThatIllegalArgumentException().isThrownBy(() -> hours("weekdays 9-5")).withMessageContaining("MON-FRI");
		assertThatIllegalArgumentException().isThrownBy(() -> hours("MON-FRI 17:00-09:00"))
			.withMessageContaining("ends before");
		assertThatIllegalArgumentException().isThrownBy(() -> hours("MOX-FRI 09:00-17:00"))
			.withMessageContaining("unknown day");
	}

}

package nl.wegwijzer.helpdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move by hand, so that nothing waits for real time to pass. */
final class MovableClock extends Clock {

	private volatile Instant now;

	MovableClock() {
		this(Instant.parse("2026-01-01T09:00:00Z"));
	}

	MovableClock(Instant now) {
		this.now = now;
	}

	void move(Duration duration) {
		this.now = this.now.plus(duration);
	}

	void set(Instant now) {
		this.now = now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}

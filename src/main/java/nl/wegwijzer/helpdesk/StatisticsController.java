package nl.wegwijzer.helpdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.wegwijzer.chat.ConversationStatistics;
import nl.wegwijzer.system.ContentFiles;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/**
 * Statistics over the conversations that started in a period and whose visitor's latest consent allows
 * analytics; the others are never counted. See {@link ConversationStatistics} for the definitions.
 */
@RestController
class StatisticsController {

	static final int TOP_INTENTS = 10;

	static final int MAX_DAYS = 3660;

	static final int LOW_RATED = 20;

	/**
	 * @param conversationsPerDay every day of the period, days without conversations included
	 * @param fallbackRate the share of replies to visitors that were fallbacks
	 * @param handoffRate the share of conversations that were ever handed to staff
	 * @param medianFirstResponseSeconds how long a visitor who asked for a person typically waited for the
	 * first answer, in the chat or by e-mail; {@code null} without any answered request
	 * @param missedHandoffs requests for a person that nobody answered within
	 * {@code wegwijzer.helpdesk.missed-after}
	 * @param offlineMessages conversations in which the visitor left an e-mail address for an answer
	 * @param closes closed conversations by reason
	 * @param ratings the visitors' thumbs up and down on bot replies
	 * @param helpfulRate the share of rated replies rated up; {@code null} without any rating
	 * @param lowRated the newest replies to a question that were rated down (at most {@link #LOW_RATED}), to
	 * relabel the question on its conversation's page
	 */
	record Statistics(List<ConversationStatistics.DayCount> conversationsPerDay,
			List<ConversationStatistics.IntentCount> topIntents, double fallbackRate, double handoffRate,
			List<ConversationStatistics.RouteCount> routes, long conversations, Long medianFirstResponseSeconds,
			long missedHandoffs, long offlineMessages, List<ConversationStatistics.ReasonCount> closes,
			ConversationStatistics.Ratings ratings, Double helpfulRate, List<ConversationStatistics.LowRated> lowRated) {

		Statistics {
			conversationsPerDay = List.copyOf(conversationsPerDay);
			topIntents = List.copyOf(topIntents);
			routes = List.copyOf(routes);
			closes = List.copyOf(closes);
			lowRated = List.copyOf(lowRated);
		}

	}

	private final ConversationStatistics repository;

	private final Clock clock;

	private final Duration missedAfter;

	StatisticsController(ConversationStatistics repository, Clock clock, HelpdeskSettings settings) {
		this.repository = repository;
		this.clock = clock;
		this.missedAfter = settings.missedAfter();
	}

	@GetMapping("/api/staff/statistics")
	Statistics statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		DateRange range = DateRange.of(from, to, this.clock);
		if (ChronoUnit.DAYS.between(range.from(), range.to()) >= MAX_DAYS) {
			throw StaffApiException.badRequest(ContentFiles.fill(SAY.errors().periodTooLong(), "max", MAX_DAYS));
		}
		Instant start = range.start();
		Instant end = range.end();
		long conversations = this.repository.conversations(start, end);
		ConversationStatistics.Replies replies = this.repository.replies(start, end);
		List<ConversationStatistics.Handoff> handoffs = this.repository.handoffs(start, end);
		ConversationStatistics.Ratings ratings = this.repository.ratings(start, end);
		long rated = ratings.up() + ratings.down();
		return new Statistics(everyDay(range, this.repository.perDay(start, end)),
				this.repository.topIntents(start, end, TOP_INTENTS), share(replies.fallbacks(), replies.replies()),
				share(this.repository.handedOff(start, end), conversations), this.repository.routes(start, end),
				conversations, medianFirstResponse(handoffs), missed(handoffs), this.repository.offlineMessages(start, end),
				this.repository.closes(start, end), ratings, rated == 0 ? null : share(ratings.up(), rated),
				this.repository.lowRated(start, end, LOW_RATED));
	}

	private static Long medianFirstResponse(List<ConversationStatistics.Handoff> handoffs) {
		List<Long> seconds = handoffs.stream()
			.filter((h) -> h.firstResponseAt() != null)
			.map((h) -> Duration.between(h.waitingSince(), h.firstResponseAt()).toSeconds())
			.sorted()
			.toList();
		return seconds.isEmpty() ? null : seconds.get(seconds.size() / 2);
	}

	/**
	 * Requests for a person nobody answered in time: the bot had to tell the visitor nobody could come,
	 * or staff answered later than the limit, or the limit passed without an answer. An offline message
	 * is answered by e-mail, on another clock: not a missed handoff.
	 */
	private long missed(List<ConversationStatistics.Handoff> handoffs) {
		Instant now = this.clock.instant();
		return handoffs.stream().filter((h) -> {
			if (h.offeredEmailAt() != null) {
				return true;
			}
			if (h.offline()) {
				return false;
			}
			Instant deadline = h.waitingSince().plus(this.missedAfter);
			return (h.firstResponseAt() != null) ? h.firstResponseAt().isAfter(deadline) : !now.isBefore(deadline);
		}).count();
	}

	private static List<ConversationStatistics.DayCount> everyDay(DateRange range,
			List<ConversationStatistics.DayCount> counted) {
		Map<LocalDate, Long> byDay = counted.stream()
			.collect(Collectors.toMap(ConversationStatistics.DayCount::day, ConversationStatistics.DayCount::count));
		List<ConversationStatistics.DayCount> days = new ArrayList<>();
		for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
			days.add(new ConversationStatistics.DayCount(day, byDay.getOrDefault(day, 0L)));
		}
		return days;
	}

	private static double share(long part, long whole) {
		return whole == 0 ? 0.0 : (double) part / whole;
	}

}

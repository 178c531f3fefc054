package nl.wegwijzer.load;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens many visitor sessions against a running Wegwijzer and measures how long replies take. In chat
 * mode every session walks the protocol (consent_request, consent, session, greeting) and then asks
 * {@code messages} questions at {@code rate} per second, timing each {@code message} to its {@code bot}
 * reply; in echo mode it sends the same frames to {@code /ws/echo} and times the echo, the floor the chat
 * is compared with. Sends are open-loop (on schedule, not after the previous reply), so a slow server
 * shows up as latency instead of as a quietly lowered load. Connects are spread over {@code ramp}; the
 * messages start when the ramp is over, so all sessions ask together.
 *
 * <p>
 * The run is bounded: it ends after every session has sent its messages and had its replies, or after
 * {@code ramp + messages / rate + 2 × timeout + hold} plus a few seconds at most. It connects to the given
 * URL only. Plain JDK ({@link java.net.http.WebSocket}), so it runs with {@code java -cp} outside Maven;
 * see docs/benchmarks.md.
 */
public final class LoadGenerator {

	/** Realistic first questions of visitors; each answered with one {@code bot} frame in state OPEN. */
	static final List<String> QUESTIONS = List.of("Hoe lang duurt een project?", "Hoeveel partners zijn nodig?",
			"Wat is een cookie?", "Mag een museum meedoen?", "Wat is het doel van een strategisch partnerschap?",
			"Welke landen mogen meedoen?", "Kan de looptijd verlengd worden?", "Wie dient de aanvraag in?",
			"Welke cookies gebruiken jullie?", "Wat is een sectoroverstijgend strategisch partnerschap?");

	// The questions hold no quotes or backslashes, so they go into the JSON as they are.
	private static final List<String> MESSAGE_FRAMES = QUESTIONS.stream()
		.map((question) -> "{\"type\":\"message\",\"text\":\"" + question + "\"}")
		.toList();

	private static final String CONSENT_FRAME = "{\"type\":\"consent\",\"policyVersion\":\"%s\",\"categories\":[]}";

	private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

	private LoadGenerator() {
	}

	public enum Mode {

		/** The visitor protocol of {@code /ws/chat}. */
		CHAT,
		/** {@code /ws/echo} of the benchmark profile: every text comes straight back. */
		ECHO

	}

	/**
	 * What to run.
	 *
	 * @param url {@code ws://} or {@code wss://} address of {@code /ws/chat} or {@code /ws/echo}
	 * @param sessions concurrent sessions
	 * @param messages messages each session sends once it is ready (0: connect only)
	 * @param rate messages per second per session
	 * @param ramp connects are spread at random over this period
	 * @param timeout how long a session may take to connect and get its greeting, and how long the last
	 * message may wait for its reply
	 * @param hold how long a session stays open, idle, after its last reply and the end of the ramp (for
	 * heap measurements)
	 */
	public record Options(URI url, Mode mode, int sessions, int messages, double rate, Duration ramp,
			Duration timeout, Duration hold) {

		public Options {
			if (url == null || !("ws".equals(url.getScheme()) || "wss".equals(url.getScheme()))) {
				throw new IllegalArgumentException("--url must be a ws:// or wss:// address, was " + url);
			}
			if (mode == null || sessions < 1 || messages < 0 || !(rate > 0) || ramp.isNegative()
					|| timeout.isNegative() || timeout.isZero() || hold.isNegative()) {
				throw new IllegalArgumentException("need --sessions >= 1, --messages >= 0, --rate > 0, "
						+ "--ramp >= 0, --timeout > 0 and --hold >= 0");
			}
		}

		static Options parse(String... args) {
			URI url = URI.create("ws://127.0.0.1:8080/ws/chat");
			Mode mode = Mode.CHAT;
			int sessions = 100;
			int messages = 10;
			double rate = 1;
			Duration ramp = Duration.ofSeconds(10);
			Duration timeout = Duration.ofSeconds(30);
			Duration hold = Duration.ZERO;
			for (int i = 0; i < args.length; i += 2) {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(args[i] + " needs a value");
				}
				String value = args[i + 1];
				switch (args[i]) {
					case "--url" -> url = URI.create(value);
					case "--mode" -> mode = Mode.valueOf(value.toUpperCase(Locale.ROOT));
					case "--sessions" -> sessions = Integer.parseInt(value);
					case "--messages" -> messages = Integer.parseInt(value);
					case "--rate" -> rate = Double.parseDouble(value);
					case "--ramp" -> ramp = seconds(value);
					case "--timeout" -> timeout = seconds(value);
					case "--hold" -> hold = seconds(value);
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			return new Options(url, mode, sessions, messages, rate, ramp, timeout, hold);
		}

		private static Duration seconds(String value) {
			return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
		}

		/** The longest the run can take before stragglers are cut off. */
		Duration bound() {
			Duration sending = Duration.ofMillis(Math.round(this.messages * 1000 / this.rate));
			return this.ramp.plus(this.timeout.multipliedBy(2)).plus(sending).plus(this.hold).plus(CLOSE_WAIT);
		}

	}

	/**
	 * What a run measured. Errors are sessions that could not connect (including a refused handshake),
	 * {@code error} frames, frames the protocol does not allow at that point, replies that did not come
	 * within the timeout (and sessions stuck before their greeting), and connections the server closed
	 * or lost before the session was done.
	 */
	public record Result(Options options, int connected, int ready, long sent, long replies, long connectFailures,
			long errorFrames, Map<String, Long> errorCodes, long unexpectedFrames, long timeouts, long closes,
			double p50Ms, double p90Ms, double p99Ms, double maxMs, double repliesPerSecond, Duration duration) {

		public long errors() {
			return this.connectFailures + this.errorFrames + this.unexpectedFrames + this.timeouts + this.closes;
		}

		public String report() {
			return String.format(Locale.ROOT, """
					%s %s: %d sessions x %d messages at %s/s, ramp %.1f s
					sessions connected %d, ready %d (of %d)
					messages sent      %d
					replies            %d
					errors             %d (connect failures %d, error frames %d, unexpected frames %d, timeouts %d, closes %d)
					error frame codes  %s
					latency ms         p50 %.1f  p90 %.1f  p99 %.1f  max %.1f
					throughput         %.1f replies/s
					duration           %.1f s""", this.options.mode().name().toLowerCase(Locale.ROOT),
					this.options.url(), this.options.sessions(), this.options.messages(), this.options.rate(),
					this.options.ramp().toMillis() / 1000.0, this.connected, this.ready, this.options.sessions(),
					this.sent, this.replies, errors(), this.connectFailures, this.errorFrames, this.unexpectedFrames,
					this.timeouts, this.closes, this.errorCodes.isEmpty() ? "-" : this.errorCodes, this.p50Ms, this.p90Ms,
					this.p99Ms, this.maxMs, this.repliesPerSecond,
					this.duration.toMillis() / 1000.0);
		}

	}

	public static void main(String[] args) throws InterruptedException {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println("usage: LoadGenerator [--url ws://127.0.0.1:8080/ws/chat] [--mode chat|echo] "
					+ "[--sessions 100] [--messages 10] [--rate 1] [--ramp 10] [--timeout 30] [--hold 0]");
			System.exit(2);
			return;
		}
		Result result = run(options, System.err);
		System.out.println(result.report());
		System.exit(result.errors() == 0 ? 0 : 1);
	}

	public static Result run(Options options) throws InterruptedException {
		return run(options, null);
	}

	/** Runs the load and waits for its end; {@code progress}, if given, hears when all sessions are ready. */
	public static Result run(Options options, PrintStream progress) throws InterruptedException {
		int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
		ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("load-timer"));
		ExecutorService callbacks = Executors.newFixedThreadPool(threads, daemon("load-ws"));
		// One HttpClient has one selector thread; a few share thousands of sockets between them.
		HttpClient[] clients = new HttpClient[Math.min(8, 1 + options.sessions() / 1000)];
		Arrays.setAll(clients, (i) -> HttpClient.newBuilder()
			.executor(callbacks)
			.connectTimeout(options.timeout())
			.build());
		Random random = new Random(42);
		long interval = Math.round(TimeUnit.SECONDS.toNanos(1) / options.rate());
		long start = System.nanoTime();
		Run run = new Run(options, scheduler, progress, start + options.ramp().toNanos());
		List<Visitor> visitors = new ArrayList<>(options.sessions());
		try {
			for (int i = 0; i < options.sessions(); i++) {
				long connectAt = (long) (random.nextDouble() * options.ramp().toNanos());
				// Everyone starts asking once the ramp is over, spread over one interval: the figures then
				// come from the full number of sessions, not from a load that is still building up.
				long firstMessageAt = run.rampEnd() + (long) (random.nextDouble() * interval);
				Visitor visitor = new Visitor(run, clients[i % clients.length], i, firstMessageAt, interval);
				visitors.add(visitor);
				scheduler.schedule(visitor::connect, connectAt, TimeUnit.NANOSECONDS);
			}
			if (progress != null && !options.ramp().isZero()) {
				scheduler.schedule(() -> progress.printf("ramp over: %d of %d sessions ready%n", run.ready().get(),
						options.sessions()), options.ramp().toNanos(), TimeUnit.NANOSECONDS);
			}
			CompletableFuture<Void> all = CompletableFuture
				.allOf(visitors.stream().map((v) -> v.done).toArray(CompletableFuture[]::new));
			try {
				all.get(options.bound().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				visitors.forEach(Visitor::cutOff);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException(ex);
			}
			return summarize(options, visitors, System.nanoTime() - start);
		}
		finally {
			scheduler.shutdownNow();
			callbacks.shutdownNow();
		}
	}

	private static Result summarize(Options options, List<Visitor> visitors, long durationNanos) {
		int connected = 0;
		int ready = 0;
		long sent = 0;
		long connectFailures = 0;
		long errorFrames = 0;
		Map<String, Long> errorCodes = new TreeMap<>();
		long unexpectedFrames = 0;
		long timeouts = 0;
		long closes = 0;
		long firstSend = Long.MAX_VALUE;
		long lastReply = Long.MIN_VALUE;
		long[] latencies = new long[0];
		int replies = 0;
		for (Visitor visitor : visitors) {
			synchronized (visitor) {
				connected += visitor.opened ? 1 : 0;
				ready += visitor.readied ? 1 : 0;
				sent += visitor.sent;
				connectFailures += visitor.connectFailures;
				errorFrames += visitor.errorFrames;
				visitor.errorCodes.forEach((code, count) -> errorCodes.merge(code, count, Long::sum));
				unexpectedFrames += visitor.unexpectedFrames;
				timeouts += visitor.timeouts;
				closes += visitor.closes;
				if (visitor.replies > 0) {
					firstSend = Math.min(firstSend, visitor.firstSentAt);
					lastReply = Math.max(lastReply, visitor.lastReplyAt);
					if (latencies.length < replies + visitor.replies) {
						latencies = Arrays.copyOf(latencies, Math.max(2 * latencies.length, replies + visitor.replies));
					}
					System.arraycopy(visitor.latencies, 0, latencies, replies, visitor.replies);
					replies += visitor.replies;
				}
			}
		}
		long[] sorted = Arrays.copyOf(latencies, replies);
		Arrays.sort(sorted);
		double window = replies == 0 ? 0 : (lastReply - firstSend) / 1e9;
		return new Result(options, connected, ready, sent, replies, connectFailures, errorFrames, errorCodes,
				unexpectedFrames, timeouts, closes, percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
				percentile(sorted, 1.0), window > 0 ? replies / window : 0, Duration.ofNanos(durationNanos));
	}

	/** Nearest rank, in milliseconds. */
	static double percentile(long[] sortedNanos, double p) {
		if (sortedNanos.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p * sortedNanos.length);
		return sortedNanos[Math.max(0, rank - 1)] / 1e6;
	}

	/**
	 * The value of a string property such as {@code type} or {@code code}. Wegwijzer writes {@code type}
	 * first and these values are plain tokens, so a scan does; it keeps the generator light on the CPU it
	 * shares with the server.
	 */
	static String field(String json, String name) {
		String key = "\"" + name + "\":\"";
		int start = json.indexOf(key);
		if (start < 0) {
			return "";
		}
		start += key.length();
		int end = json.indexOf('"', start);
		return end < 0 ? "" : json.substring(start, end);
	}

	private static ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** What all visitors of one run share. */
	private record Run(Options options, ScheduledExecutorService scheduler, PrintStream progress, long rampEnd,
			AtomicInteger ready) {

		Run(Options options, ScheduledExecutorService scheduler, PrintStream progress, long rampEnd) {
			this(options, scheduler, progress, rampEnd, new AtomicInteger());
		}

		void readied() {
			if (this.ready.incrementAndGet() == this.options.sessions() && this.progress != null) {
				this.progress.printf("all %d sessions ready%n", this.options.sessions());
			}
		}

	}

	private enum Phase {

		CONNECTING, AWAIT_CONSENT_REQUEST, AWAIT_SESSION, AWAIT_GREETING, READY, DONE

	}

	/**
	 * One simulated visitor. The JDK calls a listener for one socket at a time, but timers run on other
	 * threads, so every state change happens under the visitor's lock.
	 */
	private static final class Visitor implements WebSocket.Listener {

		final CompletableFuture<Void> done = new CompletableFuture<>();

		private final Run run;

		private final HttpClient client;

		private final int index;

		/** {@link System#nanoTime()} of the first message, unless the session is ready only later. */
		private final long firstMessageAt;

		private final long interval;

		private final StringBuilder partial = new StringBuilder();

		/** Send times of the messages still waiting for their reply; replies come in order. */
		private final ArrayDeque<Long> pending = new ArrayDeque<>();

		private final long[] latencies;

		private Phase phase = Phase.CONNECTING;

		private WebSocket socket;

		private CompletableFuture<WebSocket> sending;

		private Future<?> ticker;

		private Future<?> deadline;

		boolean opened;

		boolean readied;

		int sent;

		int replies;

		long firstSentAt;

		long lastReplyAt;

		long connectFailures;

		long errorFrames;

		final Map<String, Long> errorCodes = new TreeMap<>();

		long unexpectedFrames;

		long timeouts;

		long closes;

		Visitor(Run run, HttpClient client, int index, long firstMessageAt, long interval) {
			this.run = run;
			this.client = client;
			this.index = index;
			this.firstMessageAt = firstMessageAt;
			this.interval = interval;
			this.latencies = new long[run.options().messages()];
		}

		void connect() {
			synchronized (this) {
				this.deadline = this.run.scheduler().schedule(this::setupTimedOut,
						this.run.options().timeout().toNanos(), TimeUnit.NANOSECONDS);
			}
			this.client.newWebSocketBuilder()
				.connectTimeout(this.run.options().timeout())
				.header("User-Agent", "Wegwijzer-LoadGenerator/1.0")
				.buildAsync(this.run.options().url(), this)
				.whenComplete((socket, failure) -> {
					if (failure != null) {
						synchronized (this) {
							if (this.phase != Phase.DONE) {
								this.connectFailures++;
								end();
							}
						}
					}
				});
		}

		@Override
		public synchronized void onOpen(WebSocket webSocket) {
			this.socket = webSocket;
			this.sending = CompletableFuture.completedFuture(webSocket);
			if (this.phase == Phase.DONE) {
				webSocket.abort();
				return;
			}
			this.opened = true;
			webSocket.request(1);
			if (this.run.options().mode() == Mode.ECHO) {
				ready();
			}
			else {
				this.phase = Phase.AWAIT_CONSENT_REQUEST;
			}
		}

		@Override
		public synchronized CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				String frame = this.partial.toString();
				this.partial.setLength(0);
				if (this.run.options().mode() == Mode.ECHO) {
					answered(frame);
				}
				else {
					chatFrame(frame);
				}
			}
			webSocket.request(1);
			return null;
		}

		private void chatFrame(String frame) {
			String type = field(frame, "type");
			if ("error".equals(type)) {
				this.errorFrames++;
				this.errorCodes.merge(field(frame, "code"), 1L, Long::sum);
				if (this.phase == Phase.READY && !this.pending.isEmpty()) {
					// The frame was refused (rate_limited, for instance): no reply will come for it.
					this.pending.poll();
					finishIfAnswered();
				}
				return;
			}
			switch (this.phase) {
				case AWAIT_CONSENT_REQUEST -> {
					if (expect("consent_request", type)) {
						send(CONSENT_FRAME.formatted(field(frame, "policyVersion")));
						this.phase = Phase.AWAIT_SESSION;
					}
				}
				case AWAIT_SESSION -> {
					if (expect("session", type)) {
						this.phase = Phase.AWAIT_GREETING;
					}
				}
				case AWAIT_GREETING -> {
					if (expect("bot", type)) {
						ready();
					}
				}
				case READY -> {
					if (expect("bot", type)) {
						answered(frame);
					}
				}
				default -> {
				}
			}
		}

		private boolean expect(String expected, String type) {
			if (!expected.equals(type)) {
				this.unexpectedFrames++;
				return false;
			}
			return true;
		}

		private void ready() {
			this.phase = Phase.READY;
			this.readied = true;
			this.deadline.cancel(false);
			this.run.readied();
			if (this.latencies.length == 0) {
				finish();
				return;
			}
			long delay = Math.max(0, this.firstMessageAt - System.nanoTime());
			this.ticker = this.run.scheduler()
				.scheduleAtFixedRate(this::sendNext, delay, this.interval, TimeUnit.NANOSECONDS);
		}

		private synchronized void sendNext() {
			if (this.phase != Phase.READY || this.sent >= this.latencies.length) {
				return;
			}
			long now = System.nanoTime();
			if (this.sent == 0) {
				this.firstSentAt = now;
			}
			this.pending.add(now);
			send(MESSAGE_FRAMES.get((this.index + this.sent) % MESSAGE_FRAMES.size()));
			this.sent++;
			if (this.sent == this.latencies.length) {
				this.ticker.cancel(false);
				this.deadline = this.run.scheduler().schedule(this::repliesTimedOut,
						this.run.options().timeout().toNanos(), TimeUnit.NANOSECONDS);
			}
		}

		/** The JDK allows one outstanding send per socket, so sends queue behind each other. */
		private void send(String text) {
			this.sending = this.sending.thenCompose((ws) -> ws.sendText(text, true));
		}

		private void answered(String frame) {
			Long sentAt = this.pending.poll();
			if (this.phase != Phase.READY || sentAt == null) {
				this.unexpectedFrames++;
				return;
			}
			long now = System.nanoTime();
			this.latencies[this.replies++] = now - sentAt;
			this.lastReplyAt = now;
			finishIfAnswered();
		}

		private void finishIfAnswered() {
			if (this.sent == this.latencies.length && this.pending.isEmpty()) {
				finish();
			}
		}

		private synchronized void setupTimedOut() {
			if (this.phase != Phase.READY && this.phase != Phase.DONE) {
				this.timeouts++;
				end();
			}
		}

		private synchronized void repliesTimedOut() {
			if (this.phase == Phase.READY) {
				this.timeouts += this.pending.size();
				this.pending.clear();
				finish();
			}
		}

		/** Called when the run's time is up: whatever is still open has timed out. */
		synchronized void cutOff() {
			if (this.phase != Phase.DONE) {
				this.timeouts += Math.max(1, this.pending.size());
				this.pending.clear();
				end();
			}
		}

		/**
		 * All replies are in: hold the connection if asked to, then close it properly. The hold counts from
		 * the end of the ramp at the earliest, so idle sessions are all open together for that long.
		 */
		private void finish() {
			this.phase = Phase.DONE;
			cancelTimers();
			long now = System.nanoTime();
			long hold = this.run.options().hold().toNanos();
			if (hold > 0) {
				long closeAt = Math.max(now, this.run.rampEnd()) + hold;
				this.run.scheduler().schedule(this::close, closeAt - now, TimeUnit.NANOSECONDS);
			}
			else {
				close();
			}
		}

		private synchronized void close() {
			this.sending.thenCompose((ws) -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
			// A server that does not answer the close within a few seconds is not waited for.
			this.run.scheduler().schedule(this::end, CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}

		/** Drops the connection, if any, and counts this visitor as done. */
		private synchronized void end() {
			this.phase = Phase.DONE;
			cancelTimers();
			if (this.socket != null) {
				this.socket.abort();
			}
			this.done.complete(null);
		}

		private void cancelTimers() {
			if (this.ticker != null) {
				this.ticker.cancel(false);
			}
			if (this.deadline != null) {
				this.deadline.cancel(false);
			}
		}

		@Override
		public synchronized CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			lost();
			this.done.complete(null);
			return null;
		}

		@Override
		public synchronized void onError(WebSocket webSocket, Throwable error) {
			lost();
			this.done.complete(null);
		}

		/** The connection went away; before the visitor was done, that is an error. */
		private void lost() {
			if (this.phase != Phase.DONE) {
				this.closes++;
				this.pending.clear();
				this.phase = Phase.DONE;
				cancelTimers();
			}
		}

	}

}

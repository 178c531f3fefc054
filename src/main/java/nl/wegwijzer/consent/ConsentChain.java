package nl.wegwijzer.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain over the consent log. Every record stores the hash of the record before it and a hash of
 * that link plus its own content, so a record changed, inserted or removed with SQL no longer fits the
 * chain. The chain's head (the last sequence number and hash) is kept apart, so removing the newest records
 * shows too. A record the retention job deletes leaves its sequence number and hash behind, so the links
 * around it still check; before the oldest record kept, the chain cannot be checked.
 */
public final class ConsentChain {

	/** The "previous hash" of the very first record. */
	public static final String GENESIS = "0".repeat(64);

	/** At most this many breaks are reported; the first one is what matters. */
	static final int MAX_BREAKS = 100;

	private ConsentChain() {
	}

	/** What a problem with one record is. */
	public enum Problem {

		/** Its content no longer matches its hash. */
		ALTERED,
		/** It does not point at the record before it. */
		UNLINKED,
		/** Records before it are missing (a gap in the sequence). */
		MISSING_BEFORE,
		/** Records after it, the newest, are missing. */
		MISSING_AFTER

	}

	/** One record that breaks the chain. */
	public record Break(long seq, String id, Problem problem) {
	}

	/**
	 * The outcome of checking the whole log.
	 * @param checked how many records were checked
	 * @param headHash the hash of the newest record: note it elsewhere to detect a chain rewritten as a whole
	 */
	public record Report(long checked, String headHash, List<Break> breaks) {

		public Report {
			breaks = List.copyOf(breaks);
		}

		public boolean intact() {
			return this.breaks.isEmpty();
		}

	}

	/**
	 * The hash of one record, chained to the hash of the record before it. The user agent enters as its
	 * own hash ({@link #userAgentHash}), kept in a column of its own: erasing a conversation removes the
	 * user agent from its consent records and leaves the chain intact.
	 */
	public static String hash(String previous, ConsentRecord record) {
		return hash(previous, record, userAgentHash(record.userAgent()));
	}

	static String hash(String previous, ConsentRecord record, String userAgentHash) {
		return chained(previous, record, userAgentHash);
	}

	/** What the chain holds of a user agent; {@code null} without one. */
	public static String userAgentHash(String userAgent) {
		return userAgent == null ? null : sha256(userAgent);
	}

	/**
	 * The hash as records were chained before the user agent could be erased, with the user agent itself
	 * in it. For the migrations only: V6 chained with it, V8 checks with it before chaining again.
	 */
	public static String hashWithUserAgent(String previous, ConsentRecord record) {
		return chained(previous, record, record.userAgent());
	}

	private static String chained(String previous, ConsentRecord record, String userAgent) {
		return sha256(String.join("\u001f", previous, record.id(), record.sessionId(), record.givenAt().toString(),
				record.policyVersion(), String.join(",", record.granted()), String.join(",", record.refused()),
				record.method().name(), userAgent == null ? "\u0000" : userAgent));
	}

	private static String sha256(String content) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Checks the records one by one in sequence order, then against the stored head. */
	static final class Verifier {

		private final List<Break> breaks = new ArrayList<>();

		private long checked;

		private Long previousSeq;

		private String previousHash;

		private String previousId;

		/** A record the retention job deleted: only its place and hash are left. */
		void pruned(long seq, String hash) {
			if (this.previousSeq != null && seq != this.previousSeq + 1) {
				add(new Break(seq, null, Problem.MISSING_BEFORE));
			}
			this.previousSeq = seq;
			this.previousHash = hash;
			this.previousId = null;
		}

		void accept(long seq, String prevHash, String hash, ConsentRecord record, String userAgentHash) {
			if (this.previousSeq != null && seq != this.previousSeq + 1) {
				add(new Break(seq, record.id(), Problem.MISSING_BEFORE));
			}
			else if (this.previousHash != null && !this.previousHash.equals(prevHash)) {
				add(new Break(seq, record.id(), Problem.UNLINKED));
			}
			if (!hash(prevHash, record, userAgentHash).equals(hash)) {
				add(new Break(seq, record.id(), Problem.ALTERED));
			}
			this.checked++;
			this.previousSeq = seq;
			this.previousHash = hash;
			this.previousId = record.id();
		}

		Report finish(long headSeq, String headHash) {
			// An empty log is intact: retention may have removed every record.
			if (this.previousSeq != null && (this.previousSeq != headSeq || !this.previousHash.equals(headHash))) {
				add(new Break(this.previousSeq, this.previousId, Problem.MISSING_AFTER));
			}
			return new Report(this.checked, headHash, this.breaks);
		}

		private void add(Break found) {
			if (this.breaks.size() < MAX_BREAKS) {
				this.breaks.add(found);
			}
		}

	}

}

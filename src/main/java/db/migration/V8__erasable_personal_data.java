package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import nl.wegwijzer.consent.ConsentChain;
import nl.wegwijzer.consent.ConsentRecord;
import nl.wegwijzer.consent.ConsentRepository;

/**
 * Makes a conversation erasable with everything derived from it.
 * <ul>
 * <li>A labelled example names the conversation its text came from and is deleted with it, by the
 * visitor, staff or the retention job. Examples whose conversation is already gone are deleted now.</li>
 * <li>The consent chain holds the hash of the user agent instead of the user agent itself (see
 * {@link ConsentChain#hash}), so erasure can remove the user agent from the consent proof. The records are
 * chained again with the new hash, but only where the old chain checks: a record that was altered keeps its
 * old hash, one linked to the wrong record its old link too, so both stay reported as broken.</li>
 * </ul>
 * Java rather than SQL because the hashes must be exactly the application's.
 */
public class V8__erasable_personal_data extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("alter table labelled_example add column conversation_id varchar(36)");
			ddl.execute("""
					update labelled_example set conversation_id =
					    (select t.conversation_id from turn t where t.id = labelled_example.turn_id)""");
			ddl.execute("delete from labelled_example where conversation_id is null");
			ddl.execute("""
					alter table labelled_example add constraint labelled_example_conversation
					    foreign key (conversation_id) references conversation (id) on delete cascade""");
			ddl.execute("create index labelled_example_conversation on labelled_example (conversation_id)");
			ddl.execute("alter table consent_record add column user_agent_hash varchar(64)");
		}
		chainAgain(connection);
	}

	private static void chainAgain(Connection connection) throws Exception {
		String oldPrevious = null;
		String newPrevious = null;
		try (Statement select = connection.createStatement();
				PreparedStatement update = connection.prepareStatement(
						"update consent_record set user_agent_hash = ?, prev_hash = ?, hash = ? where id = ?")) {
			select.setFetchSize(1000);
			try (ResultSet rows = select.executeQuery("""
					select seq, prev_hash, hash, id, session_id, given_at, policy_version, granted, refused, method, user_agent
					from consent_record
					union all
					select seq, null, hash, null, null, null, null, null, null, null, null from consent_pruned
					order by seq""")) {
				while (rows.next()) {
					String oldHash = rows.getString("hash");
					if (rows.getString("id") == null) {
						// Deleted by retention: its hash stays, and the record after it links to that.
						oldPrevious = oldHash;
						newPrevious = oldHash;
						continue;
					}
					ConsentRecord record = ConsentRepository.read(rows);
					String prevHash = rows.getString("prev_hash");
					boolean linked = oldPrevious == null || oldPrevious.equals(prevHash);
					boolean unaltered = ConsentChain.hashWithUserAgent(prevHash, record).equals(oldHash);
					String newPrevHash = (linked && newPrevious != null) ? newPrevious : prevHash;
					String newHash = (linked && unaltered) ? ConsentChain.hash(newPrevHash, record) : oldHash;
					update.setString(1, ConsentChain.userAgentHash(record.userAgent()));
					update.setString(2, newPrevHash);
					update.setString(3, newHash);
					update.setString(4, record.id());
					update.executeUpdate();
					oldPrevious = oldHash;
					newPrevious = newHash;
				}
			}
		}
		// The head moves along only if it pointed at the newest record; otherwise it stays reported.
		if (oldPrevious != null) {
			try (PreparedStatement head = connection
				.prepareStatement("update consent_chain set hash = ? where id = 1 and hash = ?")) {
				head.setString(1, newPrevious);
				head.setString(2, oldPrevious);
				head.executeUpdate();
			}
		}
	}

}

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
 * Chains the consent log (see {@link ConsentChain}): adds the sequence number and hashes, links the
 * records already there in the order they were given, and stores the chain's head. Records the retention
 * job deletes leave their sequence number and hash in {@code consent_pruned}, so the chain still checks. Java rather than SQL
 * because H2 and PostgreSQL share no SHA-256 function, and the hash must be exactly the application's.
 */
public class V6__chain_consent_records extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("alter table consent_record add column seq bigint");
			ddl.execute("alter table consent_record add column prev_hash varchar(64)");
			ddl.execute("alter table consent_record add column hash varchar(64)");
			ddl.execute("create table consent_chain (id int primary key, seq bigint not null, hash varchar(64) not null)");
			ddl.execute("create table consent_pruned (seq bigint primary key, hash varchar(64) not null)");
		}
		long seq = 0;
		String previous = ConsentChain.GENESIS;
		try (Statement select = connection.createStatement();
				PreparedStatement update = connection
					.prepareStatement("update consent_record set seq = ?, prev_hash = ?, hash = ? where id = ?")) {
			select.setFetchSize(1000);
			try (ResultSet rows = select.executeQuery("select * from consent_record order by given_at, id")) {
				while (rows.next()) {
					ConsentRecord record = ConsentRepository.read(rows);
					String hash = ConsentChain.hashWithUserAgent(previous, record);
					update.setLong(1, ++seq);
					update.setString(2, previous);
					update.setString(3, hash);
					update.setString(4, record.id());
					update.executeUpdate();
					previous = hash;
				}
			}
		}
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("alter table consent_record alter column seq set not null");
			ddl.execute("alter table consent_record alter column prev_hash set not null");
			ddl.execute("alter table consent_record alter column hash set not null");
			ddl.execute("create unique index consent_record_seq on consent_record (seq)");
		}
		try (PreparedStatement head = connection.prepareStatement("insert into consent_chain (id, seq, hash) values (1, ?, ?)")) {
			head.setLong(1, seq);
			head.setString(2, previous);
			head.executeUpdate();
		}
	}

}

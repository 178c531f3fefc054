package nl.wegwijzer.nlu;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Trained models in the database, by {@link OpenNlpIntentClassifier#key key}. An instance claims a key
 * before training, so that of several instances starting together one trains and the others wait.
 */
@Repository
public class JdbcModelStore implements ModelStore {

	/** How many models are kept: the newest, for a rollback to an earlier corpus. */
	private static final int KEPT = 5;

	private final JdbcClient jdbc;

	private final Clock clock;

	public JdbcModelStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Optional<byte[]> find(String key) {
		return this.jdbc.sql("select model from intent_model where model_key = :key and model is not null")
			.param("key", key)
			.query(byte[].class)
			.optional();
	}

	@Override
	public boolean claim(String key) {
		try {
			this.jdbc.sql("insert into intent_model (model_key, claimed_at) values (:key, :now)")
				.param("key", key)
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Also drops all but the newest models. */
	@Override
	public void save(String key, byte[] model) {
		this.jdbc.sql("update intent_model set model = :model, trained_at = :now where model_key = :key")
			.param("key", key)
			.param("model", model)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		this.jdbc.sql("""
				delete from intent_model where model is not null and model_key not in (
				    select model_key from (select model_key from intent_model where model is not null
				                           order by trained_at desc fetch first %d rows only) newest)
				""".formatted(KEPT)).update();
	}

	@Override
	public void release(String key) {
		this.jdbc.sql("delete from intent_model where model_key = :key and model is null").param("key", key).update();
	}

}

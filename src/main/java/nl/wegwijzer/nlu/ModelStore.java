package nl.wegwijzer.nlu;

import java.util.Optional;

/**
 * Where trained models are kept between starts, by {@link OpenNlpIntentClassifier#key key}. An instance
 * claims a key before training, so that of several instances starting together one trains and the
 * others wait for its model.
 */
public interface ModelStore {

	/** No storage: every model is trained, as in tools that run without a database. */
	ModelStore NONE = new ModelStore() {

		@Override
		public Optional<byte[]> find(String key) {
			return Optional.empty();
		}

		@Override
		public boolean claim(String key) {
			return true;
		}

		@Override
		public void save(String key, byte[] model) {
		}

		@Override
		public void release(String key) {
		}

	};

	/** The stored model of this key, if one was trained. */
	Optional<byte[]> find(String key);

	/** Claims the training of this key; false when it was claimed or stored before, here or elsewhere. */
	boolean claim(String key);

	/** Stores the model of a claimed key. */
	void save(String key, byte[] model);

	/** Gives up a claim whose training failed, so that the next start tries again. */
	void release(String key);

}

package nl.wegwijzer.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Generated credentials for the default H2 file database, instead of {@code sa} with an empty password.
 * When {@code spring.datasource.url} is an H2 file and neither a user name nor a password is configured,
 * the credentials are read from {@code <database>.credentials} next to the database file, or generated
 * once and written there. The data directory is made readable by its owner only, and so are the database
 * files and the credentials.
 * <p>
 * A database created before, as {@code sa} with an empty password, is upgraded on the first start: the
 * generated user is added as an administrator and {@code sa} gets a random password nobody keeps. The
 * credentials file is written before that, so a start interrupted halfway simply repeats the upgrade.
 */
public class H2Credentials implements EnvironmentPostProcessor, Ordered {

	/** The file's keys: {@code username} and {@code password}. */
	public static final String SUFFIX = ".credentials";

	static final String USER = "wegwijzer";

	private static final String PREFIX = "jdbc:h2:file:";

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Log log;

	public H2Credentials(DeferredLogFactory logs) {
		this.log = logs.getLog(H2Credentials.class);
	}

	@Override
	public int getOrder() {
		// After application.yml and the environment are read.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url");
		if (url == null || !url.startsWith(PREFIX) || environment.containsProperty("spring.datasource.username")
				|| environment.containsProperty("spring.datasource.password")) {
			return;
		}
		Properties credentials = prepare(url);
		environment.getPropertySources()
			.addLast(new MapPropertySource("wegwijzer-h2-credentials",
					Map.of("spring.datasource.username", credentials.getProperty("username"),
							"spring.datasource.password", credentials.getProperty("password"))));
	}

	/** Reads or generates the credentials, upgrades an {@code sa} database, and closes the files to others. */
	Properties prepare(String url) {
		Path database = databasePath(url);
		Path directory = database.toAbsolutePath().getParent();
		try {
			Files.createDirectories(directory);
			ownerOnly(directory, OWNER_DIRECTORY);
			Path file = directory.resolve(database.getFileName() + SUFFIX);
			Properties credentials = Files.exists(file) ? read(file) : write(file);
			boolean exists = Files.exists(directory.resolve(database.getFileName() + ".mv.db"));
			if (exists) {
				upgradeFromSa(url, credentials);
			}
			else {
				// Created here, so that it exists to be closed to others before anyone writes to it.
				DriverManager.getConnection(url, credentials.getProperty("username"), credentials.getProperty("password"))
					.close();
			}
			try (Stream<Path> files = Files.list(directory)) {
				for (Path path : files.filter((p) -> p.getFileName().toString().startsWith(database.getFileName() + "."))
					.toList()) {
					ownerOnly(path, OWNER_FILE);
				}
			}
			return credentials;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the credentials of " + url, ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot open " + url + " with its generated credentials; if it was "
					+ "created with others, set spring.datasource.username and spring.datasource.password", ex);
		}
	}

	private void upgradeFromSa(String url, Properties credentials) throws SQLException {
		Connection sa;
		try {
			sa = DriverManager.getConnection(url, "sa", "");
		}
		catch (SQLException wrongPassword) {
			// Already upgraded, or never an sa database: the generated credentials must work.
			DriverManager.getConnection(url, credentials.getProperty("username"), credentials.getProperty("password"))
				.close();
			return;
		}
		try (sa; Statement statement = sa.createStatement()) {
			statement.execute("create user if not exists " + credentials.getProperty("username") + " password '"
					+ credentials.getProperty("password") + "' admin");
			statement.execute("alter user sa set password '" + secret() + "'");
		}
		this.log.warn("The H2 database " + url + " no longer opens as 'sa' with an empty password: it now uses the "
				+ "generated credentials next to it (" + SUFFIX + ")");
	}

	private static Properties read(Path file) throws IOException {
		Properties credentials = new Properties();
		try (Reader in = Files.newBufferedReader(file)) {
			credentials.load(in);
		}
		if (credentials.getProperty("username") == null || credentials.getProperty("password") == null) {
			throw new IllegalStateException(file + " must hold username and password");
		}
		return credentials;
	}

	/** Writes new credentials, closed to others from the start. */
	private static Properties write(Path file) throws IOException {
		Properties credentials = new Properties();
		credentials.setProperty("username", USER);
		credentials.setProperty("password", secret());
		Path temporary = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(temporary);
		if (posix()) {
			Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_FILE));
		}
		try (Writer out = Files.newBufferedWriter(temporary)) {
			credentials.store(out, "Generated credentials of the H2 database next to this file. Keep them with it.");
		}
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
		return credentials;
	}

	private static String secret() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
		if (posix()) {
			Files.setPosixFilePermissions(path, permissions);
		}
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	/** {@code jdbc:h2:file:./data/wegwijzer;WRITE_DELAY=0} → {@code ./data/wegwijzer}; {@code ~} is the home folder. */
	static Path databasePath(String url) {
		String path = url.substring(PREFIX.length());
		int options = path.indexOf(';');
		if (options >= 0) {
			path = path.substring(0, options);
		}
		if (path.startsWith("~")) {
			path = System.getProperty("user.home") + path.substring(1);
		}
		return Path.of(path);
	}

}

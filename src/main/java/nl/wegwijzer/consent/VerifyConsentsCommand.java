package nl.wegwijzer.consent;

import java.io.PrintStream;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar wegwijzer.jar verify-consents}: checks the consent log's hash chain against the
 * database the server would use (same {@code application.yml}, profiles and environment), with the
 * server stopped. Exit 0 when intact, 1 naming the first broken record, 2 when the check cannot run.
 */
public final class VerifyConsentsCommand {

	private VerifyConsentsCommand() {
	}

	public static int run(String[] args, PrintStream out) {
		ConsentChain.Report report;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Storage.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			// A failed start is reported below in one line, not as Spring's stack trace and failure analysis.
			.properties("logging.level.root=warn", "spring.main.banner-mode=off",
					"logging.level.org.springframework.boot.SpringApplication=off",
					"logging.level.org.springframework.boot.diagnostics=off",
					"logging.level.org.springframework.context=error")
			.run(args)) {
			report = context.getBean(ConsentRepository.class).verify();
		}
		catch (RuntimeException ex) {
			out.println("verify-consents: cannot check the consent log: " + ex.getMessage());
			return 2;
		}
		if (report.intact()) {
			out.println("Consent log intact: " + report.checked() + " records checked, head hash " + report.headHash());
			return 0;
		}
		ConsentChain.Break first = report.breaks().get(0);
		out.println("Consent log broken: first broken record " + describe(first));
		report.breaks().stream().skip(1).forEach((found) -> out.println("  also " + describe(found)));
		return 1;
	}

	private static String describe(ConsentChain.Break found) {
		return (found.id() == null ? "(deleted)" : found.id()) + " (seq " + found.seq() + "): "
				+ found.problem().name().toLowerCase().replace('_', ' ');
	}

	/** Just the database: no web server, no model, no schedules. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
			JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class })
	@Import(ConsentRepository.class)
	static class Storage {

	}

}

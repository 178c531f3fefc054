package nl.wegwijzer;

import java.util.Arrays;

import nl.wegwijzer.consent.VerifyConsentsCommand;
import nl.wegwijzer.nlu.EvaluationCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WegwijzerApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("evaluate")) {
			System.exit(EvaluationCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
		}
		if (args.length > 0 && args[0].equals("verify-consents")) {
			System.exit(VerifyConsentsCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
		}
		SpringApplication.run(WegwijzerApplication.class, args);
	}

}

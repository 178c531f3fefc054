package nl.wegwijzer.helpdesk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The helpdesk's content, read once. */
@Configuration(proxyBeanMethods = false)
class HelpdeskConfiguration {

	@Bean
	HelpdeskTexts helpdeskTexts() {
		return HelpdeskTexts.load();
	}

}

package nl.wegwijzer.helpdesk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Staff login sessions live in the database (Spring Session JDBC, {@code V11__staff_sessions.sql}), so
 * that every instance knows a staff member who logged in on another. An instance that starts ends them
 * all, before it serves a request: passwords and roles change in configuration, which takes a restart,
 * and no session may outlive the password or role it was made with.
 */
@Component
class StaffSessions {

	private static final Logger log = LoggerFactory.getLogger(StaffSessions.class);

	StaffSessions(JdbcClient jdbc) {
		int ended = jdbc.sql("delete from spring_session").update();
		if (ended > 0) {
			log.info("Ended {} staff login sessions of before this start: staff log in again", ended);
		}
	}

}

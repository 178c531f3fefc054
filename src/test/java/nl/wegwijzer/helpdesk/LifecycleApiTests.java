package nl.wegwijzer.helpdesk;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.StaffHttp;

import org.springframework.boot.test.web.server.LocalServerPort;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life of a conversation in the inbox, through the API and as a real WebSocket visitor sees it:
 * assign, unassign, close with a reason, reopen, internal notes and the inbox's views.
 */
@HandoffTest
class LifecycleApiTests {

	@LocalServerPort
	int port;

	StaffHttp anna;

	StaffHttp bert;

	@BeforeEach
	void staff() throws Exception {
		this.anna = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		this.bert = StaffHttp.basic(this.port, "bert", HelpdeskTest.BERT_PASSWORD);
		assertThat(this.anna.postJson("/api/staff/presence", Map.of("available", true)).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldAssignToTheCallerAndShowItInTheirViewOnly() throws Exception {
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			visitor.ask("Ik wil een medewerker spreken");
			String id = conversationId(visitor);
			assertThat(ids(this.anna, "unassigned")).contains(id);
			assertThat(ids(this.anna, "waiting")).contains(id);

			assertThat(post(this.bert, id, "assign", Map.of()).statusCode()).isEqualTo(204);
			assertThat(json(this.anna.get("/api/staff/conversations/" + id)).path("assignee").asString()).isEqualTo("bert");
			assertThat(ids(this.bert, "mine")).contains(id);
			assertThat(ids(this.anna, "mine")).doesNotContain(id);
			assertThat(ids(this.anna, "unassigned")).doesNotContain(id);
			assertThat(visitor.nothingWithin(200)).as("assigning is the inbox's business").isTrue();

			assertThat(post(this.bert, id, "unassign", Map.of()).statusCode()).isEqualTo(204);
			assertThat(json(this.anna.get("/api/staff/conversations/" + id)).path("assignee").isNull()).isTrue();
			assertThat(ids(this.anna, "unassigned")).contains(id);

			StaffHttp shouting = StaffHttp.basic(this.port, "BERT", HelpdeskTest.BERT_PASSWORD);
			assertThat(post(shouting, id, "assign", Map.of()).statusCode()).isEqualTo(204);
			assertThat(json(this.anna.get("/api/staff/conversations/" + id)).path("assignee").asString())
				.as("the configured user name, whatever case was typed").isEqualTo("bert");
			assertThat(ids(shouting, "mine")).contains(id);
		}
		assertThat(post(this.anna, "no-such-conversation", "assign", Map.of()).statusCode()).isEqualTo(404);
		assertThat(this.anna.get("/api/staff/conversations?view=everything").statusCode()).isEqualTo(400);
	}

	@Test
	void shouldPutATakenOverConversationBackInTheQueueWhenItsOwnerLeaves() throws Exception {
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String id = conversationId(visitor);
			assertThat(post(this.anna, id, "messages", Map.of("text", "Hoi, ik kijk even mee.")).statusCode()).isEqualTo(202);
			visitor.expect("agent");
			visitor.expect("agent");
			assertThat(json(this.anna.get("/api/staff/conversations/" + id)).path("assignee").asString()).isEqualTo("staff");

			assertThat(post(this.anna, id, "unassign", Map.of()).statusCode()).isEqualTo(204);
			JsonNode left = visitor.expect("agent");
			assertThat(left.path("text").asString()).startsWith("Anna heeft het gesprek verlaten.")
				.contains("intussen beantwoord ik je vragen");
			assertThat(json(this.anna.get("/api/staff/conversations/" + id)).path("status").asString()).isEqualTo("WAITING");
			assertThat(visitor.ask("Hoe lang duurt een project?").path("text").asString()).contains("2 of 3 jaar");
		}
	}

	@Test
	void shouldNameTheColleagueWhoWasChattingWhenAnotherUnassigns() throws Exception {
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String id = conversationId(visitor);
			post(this.anna, id, "messages", Map.of("text", "Hoi, ik help je verder."));
			visitor.expect("agent");
			visitor.expect("agent");

			assertThat(post(this.bert, id, "unassign", Map.of()).statusCode()).isEqualTo(204);
			JsonNode left = visitor.expect("agent");
			assertThat(left.path("text").asString()).startsWith("Anna heeft het gesprek verlaten.");
			assertThat(left.path("name").asString()).isEqualTo("Anna");
		}
	}

	@Test
	void shouldTellTheVisitorWhoJoinedWhenAnotherColleagueWritesInATakenOverConversation() throws Exception {
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String id = conversationId(visitor);
			post(this.anna, id, "messages", Map.of("text", "Hoi, ik help je verder."));
			assertThat(visitor.expect("agent").path("text").asString()).isEqualTo("Anna van de helpdesk neemt het gesprek over.");
			visitor.expect("agent");
			post(this.anna, id, "messages", Map.of("text", "Waar gaat je vraag over?"));
			assertThat(visitor.expect("agent").path("text").asString()).as("the same writer: no new line")
				.isEqualTo("Waar gaat je vraag over?");

			assertThat(post(this.bert, id, "assign", Map.of()).statusCode()).isEqualTo(204);
			assertThat(post(this.bert, id, "messages", Map.of("text", "Ik neem het van Anna over.")).statusCode())
				.isEqualTo(202);
			JsonNode joined = visitor.expect("agent");
			assertThat(joined.path("text").asString()).isEqualTo("Bert van de helpdesk neemt het gesprek over.");
			assertThat(joined.path("name").asString()).isEqualTo("Bert");
			assertThat(visitor.expect("agent").path("text").asString()).isEqualTo("Ik neem het van Anna over.");
			assertThat(json(this.anna.get("/api/staff/conversations/" + id)).path("assignee").asString()).isEqualTo("bert");
		}
	}

	@Test
	void shouldTellTheVisitorOfACloseAndOpenAgainOnTheirNextMessage() throws Exception {
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			visitor.ask("Ik wil een medewerker spreken");
			String id = conversationId(visitor);

			HttpResponse<String> refused = post(this.anna, id, "close", Map.of("reason", "opgelost"));
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(json(refused).path("message").asString()).contains("answered");
			assertThat(post(this.anna, id, "close", Map.of("reason", "goodbye")).statusCode()).isEqualTo(400);
			assertThat(json(this.anna.get("/api/staff/conversations/" + id)).path("status").asString()).isEqualTo("WAITING");

			assertThat(post(this.anna, id, "close", Map.of("reason", "answered")).statusCode()).isEqualTo(204);
			JsonNode closed = visitor.expect("closed");
			assertThat(closed.path("reason").asString()).isEqualTo("answered");
			assertThat(closed.path("text").asString()).contains("afgesloten").contains("nieuw gesprek");
			JsonNode detail = json(this.anna.get("/api/staff/conversations/" + id));
			assertThat(detail.path("status").asString()).isEqualTo("CLOSED");
			assertThat(detail.path("closeReason").asString()).isEqualTo("answered");
			assertThat(ids(this.anna, "closed")).contains(id);
			assertThat(ids(this.anna, "waiting")).doesNotContain(id);

			assertThat(visitor.ask("Hoe lang duurt een project?").path("text").asString()).contains("2 of 3 jaar");
			detail = json(this.anna.get("/api/staff/conversations/" + id));
			assertThat(detail.path("status").asString()).isEqualTo("BOT");
			assertThat(detail.path("closeReason").isNull()).isTrue();
		}
	}

	@Test
	void shouldReopenAClosedConversation() throws Exception {
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String id = conversationId(visitor);
			post(this.anna, id, "close", Map.of("reason", "spam"));
			visitor.expect("closed");
			assertThat(post(this.anna, id, "reopen", Map.of()).statusCode()).isEqualTo(204);
			assertThat(json(this.anna.get("/api/staff/conversations/" + id)).path("status").asString()).isEqualTo("BOT");
			assertThat(visitor.nothingWithin(200)).isTrue();
		}
	}

	@Test
	void shouldKeepNotesForStaffOnly() throws Exception {
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String id = conversationId(visitor);
			assertThat(post(this.bert, id, "notes", Map.of("text", "Belde gisteren ook al over de deadline.")).statusCode())
				.isEqualTo(201);
			assertThat(post(this.bert, id, "notes", Map.of("text", " ")).statusCode()).isEqualTo(400);
			assertThat(visitor.nothingWithin(300)).as("a note never reaches the visitor").isTrue();
			JsonNode last = last(json(this.anna.get("/api/staff/conversations/" + id)).path("transcript"));
			assertThat(last.path("author").asString()).isEqualTo("NOTE");
			assertThat(last.path("reply").asString()).isEqualTo("Belde gisteren ook al over de deadline.");
			assertThat(last.path("agentName").asString()).isEqualTo("Bert");
		}
	}

	@Test
	void shouldServeTheLabelsOfEveryCodeTheStaffPagesShow() throws Exception {
		JsonNode labels = json(this.anna.get("/api/staff/labels"));
		assertThat(labels.path("statuses").propertyNames()).containsExactly("BOT", "WAITING", "TAKEN_OVER",
				"OFFLINE_MESSAGE", "CLOSED");
		assertThat(labels.path("dialogStates").propertyNames()).containsExactlyInAnyOrder(
				java.util.Arrays.stream(nl.wegwijzer.dialog.DialogState.values()).map(Enum::name).toArray(String[]::new));
		assertThat(labels.path("routes").path("jeugd").asString()).isEqualTo("Jeugd");
		assertThat(labels.path("routes").path("mbo").asString()).isEqualTo("Mbo");
		assertThat(labels.path("routes").path("none").asString()).isNotBlank();
		assertThat(labels.path("cookieCategories").path("analytics").asString()).isEqualTo("Statistieken");
		assertThat(labels.path("closeReasons").propertyNames()).contains("answered", "goodbye");
		assertThat(labels.path("views").propertyNames()).containsExactly("mine", "unassigned", "waiting", "offline",
				"closed");
	}

	@Test
	void shouldSayWhichViewsEachConversationIsInAsTheViewsListThem() throws Exception {
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			visitor.ask("Ik wil een medewerker spreken");
			String id = conversationId(visitor);
			assertThat(views(id)).containsExactlyInAnyOrder("unassigned", "waiting");
			assertThat(post(this.bert, id, "assign", Map.of()).statusCode()).isEqualTo(204);
			assertThat(views(id)).containsExactlyInAnyOrder("mine", "waiting");
			assertThat(ids(this.bert, "mine")).contains(id);
		}
		// Every conversation, whatever it went through in the other tests, is in exactly the views that list it.
		List<String> mine = ids(this.bert, "mine");
		for (JsonNode conversation : json(this.anna.get("/api/staff/conversations"))) {
			String id = conversation.path("id").asString();
			List<String> views = conversation.path("views").valueStream().map(JsonNode::asString).toList();
			for (String view : List.of("unassigned", "waiting", "offline", "closed")) {
				assertThat(views.contains(view)).as(id + " in " + view).isEqualTo(ids(this.anna, view).contains(id));
			}
			if ("bert".equals(conversation.path("assignee").asString(null))) {
				assertThat(views.contains("mine")).as(id + " in bert's mine").isEqualTo(mine.contains(id));
			}
		}
	}

	private List<String> views(String id) throws Exception {
		return json(this.anna.get("/api/staff/conversations?limit=2000")).valueStream()
			.filter((c) -> c.path("id").asString().equals(id))
			.findFirst()
			.orElseThrow()
			.path("views")
			.valueStream()
			.map(JsonNode::asString)
			.toList();
	}

	private HttpResponse<String> post(StaffHttp staff, String id, String action, Object body) throws Exception {
		return staff.postJson("/api/staff/conversations/" + id + "/" + action, body);
	}

	private List<String> ids(StaffHttp staff, String view) throws Exception {
		return json(staff.get("/api/staff/conversations?view=" + view)).valueStream()
			.map((c) -> c.path("id").asString())
			.toList();
	}

	private String conversationId(ChatClient visitor) throws Exception {
		for (JsonNode conversation : json(this.anna.get("/api/staff/conversations"))) {
			if (conversation.path("sessionId").asString().equals(visitor.sessionId())) {
				return conversation.path("id").asString();
			}
		}
		throw new AssertionError("no conversation of session " + visitor.sessionId());
	}

	private static JsonNode last(JsonNode array) {
		return array.get(array.size() - 1);
	}

}

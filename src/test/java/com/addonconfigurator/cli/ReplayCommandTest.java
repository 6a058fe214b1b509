package com.addonconfigurator.cli;

import static com.addonconfigurator.cli.CheckCommandTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.api.RequestBodies;
import com.addonconfigurator.api.TestServer;
import com.addonconfigurator.app.AppConfig;
import com.addonconfigurator.quotes.QuoteSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay QUOTE_ID}: a kept quote re-run on its archived ruleset, from the command line. */
class ReplayCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path temp;

    /** Quotes a cart on a server over DATA_DIR, changes a price and reloads, stops it; returns the id. */
    private String quoteThenChangeTheRules(Path data) throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"));
        TestServer server = TestServer.start(
                AppConfig.defaults(rules.folder())
                        .with(b -> b.scenarioGate = false)
                        .withQuotes(QuoteSettings.embedded(data)),
                true);
        try {
            HttpResponse<String> created = server.post(
                    "/api/v1/quotes",
                    RequestBodies.example()
                            .remove("evaluationDate")
                            .set("cart.modules", List.of("INCASSI_PAGAMENTI"))
                            .json());
            assertEquals(201, created.statusCode(), created.body());
            rules.replace(
                    "catalog.yaml",
                    "price: \"30.00\"     # *\n  - code: DOCUMENTI",
                    "price: \"35.00\"\n  - code: DOCUMENTI");
            server.app().registry().reload();
            return MAPPER.readTree(created.body()).get("quoteId").asText();
        } finally {
            server.stop();
        }
    }

    private static CheckCommandTest.Run replay(Path data, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "replay";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli(
                Map.of("DATA_DIR", data.toString(), "RULES_CACHE_DIR", "off"),
                new ByteArrayInputStream(new byte[0]),
                all);
    }

    @Test
    void aQuoteReplaysIdenticallyOnItsArchivedRulesetAfterTheRulesChanged() throws Exception {
        Path data = temp.resolve("data");
        String id = quoteThenChangeTheRules(data);
        CheckCommandTest.Run run = replay(data, id);
        assertEquals(0, run.exit(), run.err() + run.out());
        JsonNode replay = MAPPER.readTree(run.out());
        assertTrue(replay.get("identical").asBoolean(), run.out());
        assertEquals(id, replay.get("quoteId").asText());
    }

    @Test
    void aKeptAnswerThatTheArchivedRulesDoNotGiveIsReportedWithItsDifferenceAndExit1() throws Exception {
        Path data = temp.resolve("data");
        String id = quoteThenChangeTheRules(data);
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + data.toAbsolutePath().resolve("quotes"));
                PreparedStatement s = c.prepareStatement(
                        "UPDATE quotes SET answer = REPLACE(answer, '\"gross\":\"', '\"gross\":\"1') WHERE id = ?")) {
            s.setString(1, id);
            assertEquals(1, s.executeUpdate());
        }
        CheckCommandTest.Run run = replay(data, id);
        assertEquals(1, run.exit(), run.err() + run.out());
        JsonNode difference = MAPPER.readTree(run.out()).get("differences").get(0);
        assertEquals("pricing.gross", difference.get("field").asText());
    }

    @Test
    void anUnknownQuoteIsExit1AndAMissingIdIsAUsageError() {
        Path data = temp.resolve("data");
        CheckCommandTest.Run unknown = replay(data, "AAAAAAAAAAAAAAAAAAAAAA");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().startsWith("replay: no quote AAAAAAAAAAAAAAAAAAAAAA"), unknown.err());
        CheckCommandTest.Run none = replay(data);
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("replay needs one QUOTE_ID"), none.err());
    }
}

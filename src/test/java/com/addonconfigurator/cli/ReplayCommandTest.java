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
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
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
                true,
                // a quote is priced today: a fixed day keeps the cart's account (expiring 2027-03-31) valid
                Clock.fixed(Instant.parse("2026-12-03T11:00:00Z"), ZoneOffset.UTC));
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
        // the kept answer tampered with: its total is not what the archived rules give
        try (Connection c = DriverManager.getConnection(
                "jdbc:h2:file:" + data.toAbsolutePath().resolve("quotes"))) {
            String answer;
            try (PreparedStatement read = c.prepareStatement("SELECT answer_gzip FROM quotes WHERE id = ?")) {
                read.setString(1, id);
                try (ResultSet r = read.executeQuery()) {
                    assertTrue(r.next());
                    answer = new String(
                            new GZIPInputStream(new ByteArrayInputStream(r.getBytes(1))).readAllBytes(),
                            StandardCharsets.UTF_8);
                }
            }
            ObjectNode tampered = (ObjectNode) MAPPER.readTree(answer);
            ((ObjectNode) tampered.get("pricing")).put("gross", "1.00");
            ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
                out.write(MAPPER.writeValueAsBytes(tampered));
            }
            try (PreparedStatement write = c.prepareStatement("UPDATE quotes SET answer_gzip = ? WHERE id = ?")) {
                write.setBytes(1, gzipped.toByteArray());
                write.setString(2, id);
                assertEquals(1, write.executeUpdate());
            }
        }
        CheckCommandTest.Run run = replay(data, id);
        assertEquals(1, run.exit(), run.err() + run.out());
        JsonNode difference = MAPPER.readTree(run.out()).get("differences").get(0);
        assertEquals("pricing.gross", difference.get("field").asText());
    }

    @Test
    void anUnknownQuoteIsExit1AndAMissingIdIsAUsageError() {
        Path data = temp.resolve("data");
        CheckCommandTest.Run unknown = replay(data, "00000000000000000000000000000000");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().startsWith("replay: no quote 00000000000000000000000000000000"), unknown.err());
        CheckCommandTest.Run none = replay(data);
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("replay needs one QUOTE_ID"), none.err());
    }
}

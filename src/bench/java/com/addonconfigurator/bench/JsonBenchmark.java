package com.addonconfigurator.bench;

import com.addonconfigurator.evaluation.EvaluationResponse;
import com.addonconfigurator.json.Json;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JSON around an evaluation over HTTP: the api.md example's answer written to bytes, as the
 * HTTP layer writes it, and its request read into a tree, with the service's mapper.
 */
@State(Scope.Benchmark)
public class JsonBenchmark extends ShippedJvm {
    private ObjectMapper json;
    private EvaluationResponse response;
    private byte[] requestBytes;

    @Setup
    public void setUp() throws Exception {
        json = Json.newMapper();
        Ruleset ruleset = ProjectRules.load(ProjectRules.folder());
        response = ProjectRules.serviceOn(ruleset, new RuleEngine(RuleEngine.DEFAULT_FIRING_LIMIT))
                .evaluate(ruleset, EvaluateBenchmark.apiExample(), Language.IT, false);
        ObjectNode body = json.createObjectNode()
                .put("evaluationDate", "2026-11-28")
                .put("channel", "CUSTOMER_AREA")
                .put("platform", "ANDROID");
        ObjectNode account = body.putObject("account")
                .put("plan", "FE")
                .put("expiresOn", "2027-03-31")
                .put("users", 2)
                .put("contactsMatched", false);
        account.putArray("activeModules").add("ORDINI_ELETTRONICI");
        ObjectNode cart = body.putObject("cart")
                .put("users", 3)
                .put("extendActiveServices", true)
                .put("invoiceThroughArubaPanel", true);
        cart.putArray("modules").add("WOOCOMMERCE").add("INCASSI_PAGAMENTI");
        requestBytes = json.writeValueAsBytes(body);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] writeAnswer() throws Exception {
        return json.writeValueAsBytes(response);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public JsonNode readRequest() throws Exception {
        return json.readTree(requestBytes);
    }
}

package com.addonconfigurator.bench;

import com.addonconfigurator.evaluation.EvaluationResponse;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.request.EvaluationRequest;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How evaluation time grows with the rules and with the cart. The project's rules folder, plus
 * synthetic modules in the catalog; {@code rules = 10} adds nine rules for each synthetic module
 * (eligibility, dependency, steps, a warning: about ten times the project's rules); {@code cart = 10}
 * buys about ten times the api.md example's items.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseSerialGC"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 2)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GrowthBenchmark {
    static final int SYNTHETIC_MODULES = 45;

    @Param({"1", "10"})
    public int rules;

    @Param({"1", "10"})
    public int cart;

    private Ruleset ruleset;
    private EvaluationService service;
    private EvaluationRequest request;

    @Setup
    public void setUp() throws Exception {
        Path folder = Files.createTempDirectory("growth");
        copy(ProjectRules.folder(), folder);
        synthesize(folder, rules == 10);
        ruleset = ProjectRules.load(folder);
        service = ProjectRules.serviceOn(ruleset, new RuleEngine(100_000));
        List<String> modules = new ArrayList<>(List.of("WOOCOMMERCE", "INCASSI_PAGAMENTI"));
        int users = 3;
        if (cart == 10) {
            modules.add("DOCUMENTI");
            for (int i = 1; modules.size() < 29; i++) {
                modules.add("SYN_" + i);
            }
        }
        request = new EvaluationRequest(
                LocalDate.parse("2026-11-28"),
                "CUSTOMER_AREA",
                "ANDROID",
                new EvaluationRequest.Account(
                        "FE", LocalDate.parse("2027-03-31"), List.of("ORDINI_ELETTRONICI"), 2, false),
                new EvaluationRequest.Cart(null, modules, users, true, true));
        System.out.println("rules in the ruleset: "
                + ruleset.files().stream().mapToInt(f -> f.rules().size()).sum() + ", items in the cart: "
                + (modules.size() + 1));
    }

    @Benchmark
    public EvaluationResponse evaluate() throws Exception {
        return service.evaluate(ruleset, request, Language.IT, false);
    }

    static void synthesize(Path folder, boolean withRules) throws IOException {
        StringBuilder catalog = new StringBuilder(Files.readString(folder.resolve("catalog.yaml")));
        int at = catalog.indexOf("\nusers:");
        StringBuilder modules = new StringBuilder();
        for (int i = 1; i <= SYNTHETIC_MODULES; i++) {
            modules.append("  - code: SYN_")
                    .append(i)
                    .append("\n    name: { it: \"Sintetico ")
                    .append(i)
                    .append("\", en: \"Synthetic ")
                    .append(i)
                    .append("\" }\n    price: \"")
                    .append(10 + i)
                    .append(".00\"\n");
        }
        catalog.insert(at, "\n" + modules);
        Files.writeString(folder.resolve("catalog.yaml"), catalog.toString());
        if (!withRules) {
            return;
        }
        StringBuilder drl =
                new StringBuilder("package addonconfigurator;\nimport com.addonconfigurator.rules.facts.*;\n");
        for (int i = 1; i <= SYNTHETIC_MODULES; i++) {
            String m = "SYN_" + i;
            drl.append(rule(
                    "S" + i + " refused on iOS",
                    "reasons",
                    "Evaluation( channel == \"MOBILE_APP\", platform == \"IOS\" )\n    $i : Item( code == \"" + m
                            + "\" )",
                    "insert(new Reason($i.getCode(), \"CHANNEL_NOT_AVAILABLE_ON_PLATFORM\"));"));
            drl.append(rule(
                    "S" + i + " only with FE",
                    "reasons",
                    "JudgedPlan( code != \"FE\" )\n    $i : Item( code == \"" + m + "\" )",
                    "insert(new Reason($i.getCode(), \"MODULE_NOT_AVAILABLE_FOR_PLAN\"));"));
            drl.append(rule(
                    "S" + i + " not twice",
                    "reasons",
                    "Account( $a : activeModules )\n    $i : Item( code == \"" + m + "\", code memberOf $a )",
                    "insert(new Reason($i.getCode(), \"MODULE_ALREADY_ACTIVE\"));"));
            drl.append(rule(
                    "S" + i + " needs Documenti",
                    "dependencies",
                    "$i : Item( code == \"" + m
                            + "\" )\n    not Account( activeModules contains \"DOCUMENTI\" )\n    not ( Item( code == \"DOCUMENTI\" ) and not Reason( item == \"DOCUMENTI\" ) )",
                    "insert(new Reason($i.getCode(), \"REQUIRES_DOCUMENTI\"));"));
            drl.append(rule(
                    "S" + i + " first step",
                    "decisions",
                    "Accepted( code == \"" + m + "\", $c : code )",
                    "insert(new NextStep($c, 1, \"CONNECT_ONLINE_SHOP\", false));"));
            drl.append(rule(
                    "S" + i + " second step",
                    "decisions",
                    "Accepted( code == \"" + m + "\", $c : code )\n    not Account( contactsMatched )",
                    "insert(new NextStep($c, 2, \"ACTIVATION_WIZARD\", false));"));
            drl.append(rule(
                    "S" + i + " web panel step",
                    "decisions",
                    "Accepted( code == \"" + m + "\", $c : code )\n    Evaluation( channel == \"MOBILE_APP\" )",
                    "insert(new NextStep($c, 3, \"ENABLE_NSO_NOTIFICATIONS\", true));"));
            drl.append(rule(
                    "S" + i + " warns without the panel",
                    "decisions",
                    "Accepted( code == \"" + m + "\" )\n    CartOptions( !invoiceThroughArubaPanel )",
                    "insert(new Warning(\"DO_NOT_SHARE_ARUBA_SDI_CODE\"));"));
            drl.append(rule(
                    "S" + i + " suggests Documenti",
                    "decisions",
                    "Rejected( code == \"" + m
                            + "\", $c : code )\n    Reason( item == $c, code == \"REQUIRES_DOCUMENTI\" )\n    not Item( code == \"DOCUMENTI\" )",
                    "insert(new Suggestion(\"ADD_MODULE\", \"DOCUMENTI\", $c));"));
        }
        Files.writeString(folder.resolve("synthetic.drl"), drl.toString());
    }

    private static String rule(String name, String phase, String when, String then) {
        return "rule \"" + name + "\"\nruleflow-group \"" + phase + "\"\nwhen\n    " + when + "\nthen\n    " + then
                + "\nend\n\n";
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}

package com.addonconfigurator.bench;

import com.addonconfigurator.Carts;
import com.addonconfigurator.cart.EvaluationRequest;
import com.addonconfigurator.catalog.Catalog;
import com.addonconfigurator.evaluation.FactMapper;
import com.addonconfigurator.rules.RuleEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The project's rules built as classic DRL (what the service runs) and as Drools' executable model
 * (constraints and consequences compiled to Java lambdas instead of MVEL), each run the same way
 * here: one pooled session, the api.md example cart, reset after each evaluation, with warm caches
 * ({@code warm}) and with caches and TLB emptied before each evaluation ({@code cold}, as
 * {@link EvaluateBenchmark#engineAfterOtherWork}). The build time of each is printed at set-up.
 * Command: {@code mvn -B -q -Pbench exec:exec -Djmh.args="ExecutableModelBenchmark"}.
 */
@State(Scope.Benchmark)
public class ExecutableModelBenchmark extends ShippedJvm {
    @Param({"classic", "executable"})
    public String model;

    private Catalog catalog;
    private EvaluationRequest request;
    private KieSession session;

    @Setup
    public void setUp() throws Exception {
        Path rules = ProjectRules.folder();
        catalog = ProjectRules.load(rules).catalog();
        request = Carts.apiExample().request();
        KieServices kie = KieServices.get();
        KieFileSystem files = kie.newKieFileSystem();
        try (Stream<Path> drl = Files.list(rules)) {
            for (Path file : drl.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                files.write("src/main/resources/addonconfigurator/" + file.getFileName(), Files.readString(file)); // the rules' package
            }
        }
        long start = System.nanoTime();
        KieBuilder builder = kie.newKieBuilder(files);
        if (model.equals("executable")) {
            builder.buildAll(ExecutableModelProject.class);
        } else {
            builder.buildAll();
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(model + ": " + errors);
        }
        KieBaseConfiguration baseOptions = kie.newKieBaseConfiguration();
        baseOptions.setOption(KieBaseMutabilityOption.DISABLED); // as the service builds it
        KieBase kieBase = kie.newKieContainer(kie.getRepository().getDefaultReleaseId()).newKieBase(baseOptions);
        System.out.printf("%n%s: built in %d ms%n", model, (System.nanoTime() - start) / 1_000_000);
        KieSessionConfiguration sessionOptions = kie.newKieSessionConfiguration();
        sessionOptions.setOption(ThreadSafeOption.NO); // as the service's sessions
        session = kieBase.newKieSession(sessionOptions, null);
    }

    @TearDown
    public void tearDown() {
        session.dispose();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int warm() {
        return evaluate();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int cold(EvaluateBenchmark.OtherWork other) {
        return evaluate();
    }

    /** What the service's engine does with a session: global, facts, the phases' focus, fire, reset. */
    private int evaluate() {
        try {
            session.setGlobal(RuleEngine.CATALOG_GLOBAL, catalog);
            for (Object fact : FactMapper.facts(request, catalog)) {
                session.insert(fact);
            }
            for (int i = RuleEngine.PHASES.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(RuleEngine.PHASES.get(i)).setFocus();
            }
            return session.fireAllRules(10_000);
        } finally {
            ((StatefulKnowledgeSessionImpl) session).reset();
        }
    }
}

package com.addonconfigurator.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles DRL files with Drools' classic compiler, each resource named by its path in the rules
 * folder, and turns Drools' errors into problems at {@code file:line:column}.
 */
final class DrlCompiler {
    private static final Pattern POSITION = Pattern.compile("(?:\\[\\s*|Line )(\\d+)\\s*:\\s*(\\d+)");

    private DrlCompiler() {}

    /**
     * A ruleset is never changed once built (a new version is a new ruleset), so its rule base is
     * immutable: Drools then keeps each session's facts in one identity map instead of a store per
     * fact class, which it would rebuild for every evaluation.
     */
    static KieBaseConfiguration ruleBaseOptions() {
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration();
        conf.setOption(KieBaseMutabilityOption.DISABLED);
        return conf;
    }

    /** The compiled packages, or null with the problems added. */
    static Collection<KiePackage> compile(Map<String, byte[]> drl, List<Problem> problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (var e : drl.entrySet()) {
            Resource resource = ResourceFactory.newByteArrayResource(e.getValue());
            resource.setSourcePath(e.getKey());
            builder.add(resource, ResourceType.DRL);
        }
        if (!builder.hasErrors()) {
            return builder.getKnowledgePackages();
        }
        List<Problem> found = new ArrayList<>();
        for (KnowledgeBuilderResult error : builder.getResults(ResultSeverity.ERROR)) {
            found.add(problemOf(error));
        }
        // Drools follows a syntax error with "Parser returned a null Package" at line 0: noise.
        for (Problem p : found) {
            boolean echo = p.line() == 0
                    && p.message().contains("null Package")
                    && found.stream().anyMatch(o -> o.file().equals(p.file()) && o.line() > 0);
            if (!echo) {
                problems.add(p);
            }
        }
        return null;
    }

    /** Drools' error at its file and line; the column, which Drools gives only in the text, from there. */
    static Problem problemOf(KnowledgeBuilderResult error) {
        String file = error.getResource() == null || error.getResource().getSourcePath() == null
                ? "."
                : error.getResource().getSourcePath();
        int[] lines = error.getLines();
        int line = lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0;
        int column = 0;
        String message = error.getMessage() == null ? "" : error.getMessage().strip();
        Matcher m = POSITION.matcher(message);
        if (m.find()) {
            if (line == 0) {
                line = Integer.parseInt(m.group(1));
            }
            column = Integer.parseInt(m.group(2)) + 1;
        }
        return new Problem(file, line, column, message);
    }
}

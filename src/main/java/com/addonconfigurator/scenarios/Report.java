package com.addonconfigurator.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.List;

/** How a failed scenario is shown to QA: where it is, what differed, expected and actual side by side. */
public final class Report {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .build())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {}

    public static String failure(ScenarioResult result) {
        StringBuilder out = new StringBuilder();
        out.append(result.file()).append(" › ").append(result.name()).append('\n');
        for (String d : result.differences()) {
            out.append("  ").append(d).append('\n');
        }
        if (result.scenario() != null && result.actual() != null) {
            JsonNode expect = result.scenario().expect();
            out.append(sideBySide(yaml(expect), yaml(Expectations.project(expect, result.actual()))));
        }
        return out.toString();
    }

    public static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return String.valueOf(node);
        }
    }

    /** Two texts in columns, lines aligned by their longest common subsequence; ≠ marks a difference. */
    static String sideBySide(String left, String right) {
        List<String> l = left.lines().toList();
        List<String> r = right.lines().toList();
        int width = Math.min(
                        70,
                        Math.max(8, l.stream().mapToInt(String::length).max().orElse(0)))
                + 2;
        int[][] common = new int[l.size() + 1][r.size() + 1];
        for (int i = l.size() - 1; i >= 0; i--) {
            for (int j = r.size() - 1; j >= 0; j--) {
                common[i][j] = l.get(i).equals(r.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(pad("  expected", width)).append(" | actual\n");
        int i = 0;
        int j = 0;
        while (i < l.size() || j < r.size()) {
            if (i < l.size() && j < r.size() && l.get(i).equals(r.get(j))) {
                out.append(pad("  " + l.get(i++), width))
                        .append(" | ")
                        .append(r.get(j++))
                        .append('\n');
            } else if (i < l.size() && j < r.size() && common[i + 1][j + 1] == common[i][j]) {
                out.append(pad("  " + l.get(i++), width))
                        .append(" ≠ ")
                        .append(r.get(j++))
                        .append('\n');
            } else if (j >= r.size() || (i < l.size() && common[i + 1][j] >= common[i][j + 1])) {
                out.append(pad("  " + l.get(i++), width)).append(" ≠\n");
            } else {
                out.append(pad("", width)).append(" ≠ ").append(r.get(j++)).append('\n');
            }
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        return s + " ".repeat(width - s.length());
    }
}

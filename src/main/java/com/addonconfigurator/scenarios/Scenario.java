package com.addonconfigurator.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One QA scenario: a request in, a partial expected answer out.
 *
 * @param file     path of its file, relative to the scenarios folder's parent (e.g. scenarios/users.yaml)
 * @param line     the line its entry starts on, 0 when unknown
 * @param index    its place in its file's {@code scenarios} list, from 0
 * @param given    the evaluate request, defaults merged in
 * @param language {@code it} or {@code en}
 * @param expect   the partial answer: only what is written is checked
 * @param endpoint {@code evaluate} (the default) or {@code options}
 * @param moves    whether {@code boundaries} moves its evaluation date to each boundary: yes when the
 *                 date comes from the file's {@code defaults}, and for a scenario that gives its own
 *                 date only with {@code moves: true} (a scenario that tests a period keeps its date)
 */
public record Scenario(
        String file,
        int line,
        int index,
        String name,
        List<String> covers,
        List<String> tags,
        JsonNode given,
        String language,
        boolean explain,
        JsonNode expect,
        String endpoint,
        boolean moves) {
    public static final String EVALUATE = "evaluate";
    public static final String OPTIONS = "options";
}

package com.addonconfigurator.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the candidate has shown so far, for {@code GET /api/v1/rules/candidate}.
 *
 * @param state        NONE (not configured), LOADING, REFUSED (its last load or scenarios failed:
 *                     {@code problems}), SHADOWING, or LIVE (its version is the live one)
 * @param since        when the comparisons counted here began (the candidate's load)
 * @param counts       shadow evaluations by result: same, differs, failed, dropped
 * @param topFields    the fields that differ most, with how many answers differed in each
 * @param examples     recent differing answers: the request and each differing field, live and candidate
 */
public record ShadowReport(
        String state,
        String candidateVersion,
        String liveVersion,
        Instant since,
        double sample,
        Map<String, Long> counts,
        List<FieldCount> topFields,
        List<Example> examples,
        Object problems) {

    public record FieldCount(String field, long carts) {}

    public record Example(Instant at, JsonNode request, List<Difference> differences, String failure) {}

    public record Difference(String field, JsonNode live, JsonNode candidate) {}
}

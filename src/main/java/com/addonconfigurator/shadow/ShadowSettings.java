package com.addonconfigurator.shadow;

import java.nio.file.Path;

/**
 * The candidate ruleset and how much live traffic it answers.
 *
 * @param candidateDir RULES_CANDIDATE_DIR, default none: no candidate, and nothing of this runs
 * @param sample       SHADOW_SAMPLE, 0 to 1, default 0.1: the share of live evaluations also given to the candidate
 * @param queue        SHADOW_QUEUE, default 1000: evaluations waiting for the candidate at most; beyond, dropped
 * @param examples     SHADOW_EXAMPLES, default 50: recent differing answers kept for the report
 */
public record ShadowSettings(Path candidateDir, double sample, int queue, int examples) {
    public static final ShadowSettings OFF = new ShadowSettings(null, 0.1, 1000, 50);

    public boolean on() {
        return candidateDir != null;
    }

    public ShadowSettings withCandidate(Path dir, double sampleShare) {
        return new ShadowSettings(dir, sampleShare, queue, examples);
    }
}

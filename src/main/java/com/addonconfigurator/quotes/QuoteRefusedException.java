package com.addonconfigurator.quotes;

import com.addonconfigurator.evaluation.AnswerDiff;
import com.addonconfigurator.evaluation.EvaluationResponse;
import java.util.List;

/** A quote that cannot be made, found or confirmed, with what the caller needs to say why. */
public final class QuoteRefusedException extends Exception {
    public enum Reason {
        /** No quote has that id (or the id cannot be one). */
        NOT_FOUND,
        /** The quote is past its validity and was never confirmed. */
        EXPIRED,
        /** The cart may not go to checkout: {@link #rejected()} says which items and why. */
        NOT_ALLOWED,
        /** The active rules decide differently now: {@link #changes()} lists each difference. */
        CHANGED
    }

    private final Reason reason;
    private final transient List<EvaluationResponse.ItemView> rejected;
    private final transient List<AnswerDiff.Change> changes;

    private QuoteRefusedException(
            Reason reason, List<EvaluationResponse.ItemView> rejected, List<AnswerDiff.Change> changes) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.rejected = List.copyOf(rejected);
        this.changes = List.copyOf(changes);
    }

    static QuoteRefusedException of(Reason reason) {
        return new QuoteRefusedException(reason, List.of(), List.of());
    }

    static QuoteRefusedException notAllowed(List<EvaluationResponse.ItemView> rejected) {
        return new QuoteRefusedException(Reason.NOT_ALLOWED, rejected, List.of());
    }

    static QuoteRefusedException changed(List<AnswerDiff.Change> changes) {
        return new QuoteRefusedException(Reason.CHANGED, List.of(), changes);
    }

    public Reason reason() {
        return reason;
    }

    /** On NOT_ALLOWED: the items that may not be bought, with their reasons. */
    public List<EvaluationResponse.ItemView> rejected() {
        return rejected;
    }

    /** On CHANGED: each decision that differs, as quoted and as now. */
    public List<AnswerDiff.Change> changes() {
        return changes;
    }
}

package com.addonconfigurator.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Records one evaluation as the rules run: every fact, given and derived, in the order it was
 * inserted (collected as inserted, not read back from the session: a rule base that never
 * changes lets Drools drop from the session a fact that no rule can match, and the decisions
 * — totals, steps, suggestions — are such facts); when explaining, the rule behind each derived
 * fact and the rules in the order they first fired; when observed, the firings per rule.
 */
final class FiringRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    final List<Object> facts = new ArrayList<>();
    final IdentityHashMap<Object, String> ruleOf = new IdentityHashMap<>();
    final LinkedHashSet<String> fired = new LinkedHashSet<>();
    final List<Object> derived = new ArrayList<>();
    final Map<String, Integer> firings = new HashMap<>();
    final boolean explain;
    final boolean count;
    /** The rule whose consequence runs now (known only with the agenda listener). */
    String firing;

    FiringRecorder(boolean explain, boolean count) {
        this.explain = explain;
        this.count = count;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        facts.add(event.getObject());
        if (explain && event.getRule() != null) {
            ruleOf.put(event.getObject(), event.getRule().getName());
            derived.add(event.getObject());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        if (explain && event.getRule() != null) {
            ruleOf.put(event.getObject(), event.getRule().getName());
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        Object gone = event.getOldObject();
        for (int i = facts.size() - 1; i >= 0; i--) {
            if (facts.get(i) == gone) {
                facts.remove(i);
                return;
            }
        }
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = event.getMatch().getRule().getName();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firing = null;
        if (explain) {
            fired.add(event.getMatch().getRule().getName());
        }
        if (count) {
            firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
        }
    }
}

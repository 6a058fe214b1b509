package com.addonconfigurator.bench;

import com.addonconfigurator.catalog.Language;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.metrics.Metrics;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.sun.tools.attach.VirtualMachine;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.slf4j.LoggerFactory;

/**
 * Looks for what two evaluating threads write that both read: every static field of every loaded
 * class, and every object reachable from them, from the ruleset (its rule bases, packages, catalog;
 * not the sessions, which are a thread's at a time), from logback's context and from the metrics, is
 * snapshot field by field, two threads evaluate (counting firings into the metrics as the service
 * does), and every field whose value changed is listed. The metrics' counters are meant to change:
 * they show that the probe sees a write. Blind to what is not
 * a Java field (object headers, i.e. locks and identity hashes; the collector's card table), to
 * writes that put back the value they found, and to JDK internals it does not walk (classes,
 * threads, class loaders, reflection, method handles, {@code jdk.internal}).
 * Run with {@code bench/shared-writes.sh}.
 */
public final class SharedWritesProbe {
    private static final int EVALUATIONS = 3_000;
    private final Map<Class<?>, Field[]> fieldsOf = new HashMap<>();
    /** Where each object was first reached from: the referring class and field, or the static field. */
    private final Map<Object, String> reachedFrom = new IdentityHashMap<>();

    /** Made available by the agent the probe loads into its own JVM. */
    public static final class Agent {
        static volatile Instrumentation instrumentation;

        public static void agentmain(String args, Instrumentation inst) {
            instrumentation = inst;
        }
    }

    public static void main(String[] args) throws Exception {
        Path rules = Path.of(args.length > 0 ? args[0] : "rules");
        Ruleset ruleset = ProjectRules.load(rules);
        Metrics metrics = new Metrics();
        RuleEngine engine = new RuleEngine(10_000, firings -> firings.forEach(metrics::ruleFired)); // as App wires it
        EvaluationService service = ProjectRules.serviceOn(ruleset, engine);
        var request = EvaluateBenchmark.apiExample();
        Runnable evaluations = () -> {
            try {
                for (int i = 0; i < EVALUATIONS; i++) {
                    service.evaluate(ruleset, request, Language.IT, false);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        inTwoThreads(evaluations); // warm: the JIT, Drools' constraint compilation, every lazy cache

        SharedWritesProbe probe = new SharedWritesProbe();
        List<Field> staticFields = staticFields(loadedClasses());
        List<Object> roots = new ArrayList<>(List.of(ruleset, LoggerFactory.getILoggerFactory(), metrics));
        Map<Field, Object> staticsBefore = probe.statics(staticFields, roots);
        Map<Object, Object[]> before = probe.snapshot(roots);
        inTwoThreads(evaluations);
        Map<Field, Object> staticsAfter = probe.statics(staticFields, new ArrayList<>());
        Map<Object, Object[]> after = probe.snapshot(roots);
        Map<String, Integer> changed = probe.changes(before, after);
        staticsBefore.forEach((field, was) -> {
            if (!sameValue(was, staticsAfter.get(field))) {
                changed.merge("static " + field.getDeclaringClass().getName() + "." + field.getName(), 1, Integer::sum);
            }
        });
        System.out.printf("walked %d objects from the ruleset, logback's context, the metrics and %d static fields;"
                + " %d objects reachable only after %d evaluations on two threads%n",
                before.size(), staticFields.size(), after.keySet().stream().filter(o -> !before.containsKey(o)).count(), 2 * EVALUATIONS);
        System.out.println(changed.isEmpty() ? "no field changed its value" : "fields that changed (objects):");
        changed.forEach((field, objects) -> System.out.println("  " + field + " (" + objects + ")"));
    }

    private static void inTwoThreads(Runnable work) throws InterruptedException {
        Thread one = new Thread(work);
        Thread two = new Thread(work);
        one.start();
        two.start();
        one.join();
        two.join();
    }

    private static Class<?>[] loadedClasses() throws Exception {
        Path jar = Files.createTempFile("shared-writes-agent", ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Agent-Class"), Agent.class.getName());
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        VirtualMachine self = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
        try {
            self.loadAgent(jar.toString());
        } finally {
            self.detach();
            Files.deleteIfExists(jar);
        }
        return Agent.instrumentation.getAllLoadedClasses();
    }

    /** Every static field of these classes that can be read (one that cannot is left out). */
    private static List<Field> staticFields(Class<?>[] classes) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> type : classes) {
            if (type.isArray() || type.isPrimitive() || type.getName().startsWith(SharedWritesProbe.class.getName())) {
                continue;
            }
            Field[] declared;
            try {
                declared = type.getDeclaredFields();
            } catch (Throwable cannotLink) {
                continue;
            }
            for (Field field : declared) {
                if (Modifier.isStatic(field.getModifiers())) {
                    try {
                        field.setAccessible(true);
                        field.get(null);
                        fields.add(field);
                    } catch (Throwable notOpened) { // a module the script does not open
                    }
                }
            }
        }
        return fields;
    }

    /** The static fields' values (primitives by value, objects by identity), and their objects as roots. */
    private Map<Field, Object> statics(List<Field> fields, List<Object> roots) throws IllegalAccessException {
        Map<Field, Object> values = new HashMap<>();
        for (Field field : fields) {
            Object value = field.get(null);
            values.put(field, value);
            if (value != null && !field.getType().isPrimitive()) {
                roots.add(value);
                reachedFrom.putIfAbsent(value, "static " + field.getDeclaringClass().getName() + "." + field.getName());
            }
        }
        return values;
    }

    private static boolean notWalked(Object o) {
        String name = o.getClass().getName();
        // A plain Object has no fields; and IdentityHashMap's own stand-in for null is one.
        return o.getClass() == Object.class || o instanceof Class || o instanceof Thread || o instanceof ThreadGroup || o instanceof ClassLoader
                || name.contains("StatefulKnowledgeSessionImpl") || name.contains("SessionPool")
                || name.startsWith("java.lang.reflect.") || name.startsWith("java.lang.invoke.") || name.startsWith("jdk.internal.");
    }

    private Field[] fields(Class<?> type) {
        return fieldsOf.computeIfAbsent(type, t -> {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = t; c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        try {
                            f.setAccessible(true);
                            fields.add(f);
                        } catch (RuntimeException notOpened) { // left out; the script opens java.base's packages
                        }
                    }
                }
            }
            return fields.toArray(Field[]::new);
        });
    }

    /** Each reachable object's field values (array elements for arrays), by identity. */
    private Map<Object, Object[]> snapshot(List<Object> roots) {
        Map<Object, Object[]> values = new IdentityHashMap<>();
        ArrayDeque<Object> queue = new ArrayDeque<>();
        roots.forEach(queue::add);
        while (!queue.isEmpty()) {
            Object o = queue.poll();
            if (values.containsKey(o) || notWalked(o)) {
                continue;
            }
            Object[] row;
            if (o.getClass().isArray()) {
                row = new Object[Array.getLength(o)];
                for (int i = 0; i < row.length; i++) {
                    row[i] = Array.get(o, i);
                }
                if (!o.getClass().getComponentType().isPrimitive()) {
                    enqueue(queue, row, o.getClass().getSimpleName());
                }
            } else {
                Field[] fields = fields(o.getClass());
                row = new Object[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    try {
                        row[i] = fields[i].get(o);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                    if (!fields[i].getType().isPrimitive() && row[i] != null) {
                        reachedFrom.putIfAbsent(row[i], o.getClass().getName() + "." + fields[i].getName());
                        queue.add(row[i]);
                    }
                }
            }
            values.put(o, row);
        }
        return values;
    }

    private void enqueue(ArrayDeque<Object> queue, Object[] elements, String array) {
        for (Object e : elements) {
            if (e != null) {
                reachedFrom.putIfAbsent(e, array);
                queue.add(e);
            }
        }
    }

    /**
     * Field (class.field, or class[] for array elements, with where its object was reached from) to
     * how many objects had it change.
     */
    private Map<String, Integer> changes(Map<Object, Object[]> before, Map<Object, Object[]> after) {
        Map<String, Integer> changed = new TreeMap<>();
        before.forEach((o, was) -> {
            Object[] now = after.get(o);
            if (now == null) {
                changed.merge(o.getClass().getName() + " (no longer reachable)", 1, Integer::sum);
                return;
            }
            Field[] fields = o.getClass().isArray() ? null : fields(o.getClass());
            for (int i = 0; i < Math.max(was.length, now.length); i++) {
                Object a = i < was.length ? was[i] : null;
                Object b = i < now.length ? now[i] : null;
                if (!sameValue(a, b)) {
                    String where = fields == null ? "[]" : "." + fields[i].getDeclaringClass().getSimpleName() + "." + fields[i].getName();
                    changed.merge(o.getClass().getName() + where + ", reached from " + reachedFrom.get(o), 1, Integer::sum);
                }
            }
        });
        return changed;
    }

    /** Primitives (boxed) and strings by value, objects by identity. */
    private static boolean sameValue(Object a, Object b) {
        boolean value = a instanceof Number || a instanceof Boolean || a instanceof Character || a instanceof String;
        return value ? Objects.equals(a, b) : a == b;
    }

    private SharedWritesProbe() {
    }
}

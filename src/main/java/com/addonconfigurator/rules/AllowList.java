package com.addonconfigurator.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What rules may use: the facts, the catalog, {@code java.lang} basics (without {@code System},
 * {@code Runtime}, {@code Class}, {@code Thread} and their kin), {@code java.math}, {@code java.time}
 * without the clock, {@code java.util} collections and streams without chance or parallelism, and
 * the Drools classes its generated code calls. Anything else is refused, whatever way the DRL names
 * it. Names are JVM internal names ({@code java/util/List}).
 */
public final class AllowList {
    private static final List<String> PREFIXES = List.of(
            "com/addonconfigurator/rules/facts/",
            "java/math/",
            "java/time/",
            "java/util/function/",
            "java/util/stream/",
            // what the consequence and condition invokers Drools generates call
            "org/drools/base/rule/accessor/",
            "org/drools/base/rule/consequence/",
            "org/drools/mvel/asm/",
            "org/drools/util/bitmask/");

    private static final Set<String> CLASSES = Set.of(
            "com/addonconfigurator/catalog/Catalog",
            "com/addonconfigurator/catalog/Product",
            "com/addonconfigurator/messages/LocalizedText",
            "org/drools/core/rule/consequence/KnowledgeHelper",
            "java/lang/Object",
            "java/lang/String",
            "java/lang/StringBuilder",
            "java/lang/CharSequence",
            "java/lang/Integer",
            "java/lang/Long",
            "java/lang/Short",
            "java/lang/Byte",
            "java/lang/Double",
            "java/lang/Float",
            "java/lang/Boolean",
            "java/lang/Character",
            "java/lang/Number",
            "java/lang/Math",
            "java/lang/StrictMath",
            "java/lang/Comparable",
            "java/lang/Iterable",
            "java/lang/Enum",
            "java/lang/Record",
            "java/lang/Void",
            "java/lang/Throwable",
            "java/lang/Exception",
            "java/lang/RuntimeException",
            "java/lang/IllegalArgumentException",
            "java/lang/IllegalStateException",
            "java/lang/ArithmeticException",
            "java/lang/NullPointerException",
            "java/lang/UnsupportedOperationException",
            "java/lang/IndexOutOfBoundsException",
            "java/lang/ArrayIndexOutOfBoundsException",
            "java/lang/NumberFormatException",
            "java/lang/ClassCastException",
            "java/lang/AssertionError",
            "java/util/List",
            "java/util/ArrayList",
            "java/util/LinkedList",
            "java/util/Map",
            "java/util/HashMap",
            "java/util/LinkedHashMap",
            "java/util/TreeMap",
            "java/util/Set",
            "java/util/HashSet",
            "java/util/LinkedHashSet",
            "java/util/TreeSet",
            "java/util/Collection",
            "java/util/Collections",
            "java/util/Arrays",
            "java/util/Objects",
            "java/util/Optional",
            "java/util/OptionalInt",
            "java/util/OptionalLong",
            "java/util/OptionalDouble",
            "java/util/Iterator",
            "java/util/ListIterator",
            "java/util/Comparator",
            "java/util/Map$Entry",
            "java/util/AbstractMap$SimpleEntry",
            "java/util/AbstractMap$SimpleImmutableEntry",
            "java/util/Deque",
            "java/util/ArrayDeque",
            "java/util/Queue",
            "java/util/NavigableMap",
            "java/util/NavigableSet",
            "java/util/SortedMap",
            "java/util/SortedSet",
            "java/util/EnumMap",
            "java/util/EnumSet",
            "java/util/StringJoiner");

    /** Methods refused even on a class rules may use: chance, the clock, the JVM's properties, threads. */
    private static final Set<String> METHODS = Set.of(
            "java/lang/Math.random",
            "java/lang/StrictMath.random",
            "java/lang/Object.wait",
            "java/lang/Object.notify",
            "java/lang/Object.notifyAll",
            "java/lang/Integer.getInteger",
            "java/lang/Long.getLong",
            "java/lang/Boolean.getBoolean");

    /** Methods of any name refused in these packages: the clock and parallel streams. */
    private static final Set<String> METHOD_NAMES = Set.of(
            "now",
            "dateNow",
            "systemDefault",
            "systemUTC",
            "tick",
            "tickSeconds",
            "tickMinutes",
            "tickMillis",
            "parallel",
            "parallelStream");

    private static final Set<String> DENIED_IN_ALLOWED_PREFIXES = Set.of("java/time/Clock", "java/time/InstantSource");

    static final AllowList STANDARD = new AllowList(Set.of());

    private final Set<String> extra;

    private AllowList(Set<String> extra) {
        this.extra = extra;
    }

    /** The standard list, and these classes too (given by their names, e.g. {@code com.acme.Helpers}). */
    public static AllowList standardAnd(List<String> classNames) {
        Set<String> extra = new LinkedHashSet<>();
        classNames.forEach(c -> extra.add(c.trim().replace('.', '/')));
        return new AllowList(Set.copyOf(extra));
    }

    /** Whether rules may use a class at all (internal name; arrays by their element type). */
    boolean allowsClass(String internalName) {
        String name = element(internalName);
        if (name.length() == 1 || extra.contains(name) || CLASSES.contains(name)) {
            return true; // a primitive, or listed
        }
        if (DENIED_IN_ALLOWED_PREFIXES.stream().anyMatch(name::startsWith)) {
            return false;
        }
        return PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** Whether rules may call a method (or read a field) of a class. */
    boolean allowsMember(String owner, String name) {
        String cls = element(owner);
        if (!allowsClass(cls)) {
            return false;
        }
        if (extra.contains(cls)) {
            return true;
        }
        if (METHODS.contains(cls + "." + name)) {
            return false;
        }
        boolean clockOrStreams =
                cls.startsWith("java/time/") || cls.startsWith("java/util/") || cls.startsWith("java/lang/");
        return !(clockOrStreams && METHOD_NAMES.contains(name));
    }

    /** What a refused class or member reaches for, in words for the analyst. */
    static String why(String owner, String member) {
        String o = element(owner);
        String m = member == null ? "" : member;
        if (o.startsWith("java/io/")
                || o.startsWith("java/nio/")
                || o.startsWith("java/util/zip/")
                || o.startsWith("java/util/jar/")
                || o.equals("java/util/Formatter")
                || o.equals("java/util/Scanner")
                || o.startsWith("java/util/logging/")
                || o.startsWith("java/util/prefs/")) {
            return "file I/O";
        }
        if (o.startsWith("java/net/") || o.startsWith("javax/net/")) {
            return "network I/O";
        }
        if (o.startsWith("java/lang/reflect/")
                || o.startsWith("java/lang/invoke/")
                || o.equals("java/lang/Class")
                || o.equals("java/lang/ClassLoader")
                || o.startsWith("java/lang/Module")) {
            return "reflection";
        }
        if (o.startsWith("java/lang/Thread")
                || o.startsWith("java/util/concurrent/")
                || o.equals("java/util/Timer")
                || m.equals("parallel")
                || m.equals("parallelStream")
                || m.startsWith("wait")
                || m.startsWith("notify")) {
            return "threads";
        }
        if (o.equals("java/lang/System")
                || o.equals("java/lang/Runtime")
                || o.startsWith("java/lang/Process")
                || m.equals("getInteger")
                || m.equals("getLong")
                || m.equals("getBoolean")) {
            return "the JVM, its environment and processes";
        }
        if (o.startsWith("org/mvel2/")) {
            return "evaluating text as code";
        }
        if (o.contains("Random") || o.equals("java/util/UUID") || m.equals("random")) {
            return "chance";
        }
        if (o.startsWith("java/time/")
                || o.equals("java/util/Date")
                || o.equals("java/util/Calendar")
                || o.startsWith("java/time/chrono/")) {
            return "the clock: read the Evaluation's date";
        }
        return "a class rules may not use";
    }

    private static String element(String internalName) {
        String name = internalName;
        while (name.startsWith("[")) {
            name = name.substring(1);
        }
        if (name.startsWith("L") && name.endsWith(";")) {
            name = name.substring(1, name.length() - 1);
        }
        return name;
    }
}

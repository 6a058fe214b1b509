package com.addonconfigurator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses DRL that reaches outside the evaluation: exiting the JVM, processes, reflection, file or
 * network I/O, threads. A guard against accidents in the analysts' files, <b>not a sandbox</b>: DRL
 * is compiled Java, and whoever can write to the rules folder can run code in the service. Comments
 * and string literals are not checked, so rule names and messages may use any word.
 */
public final class DrlGuard {
    private record Forbidden(Pattern pattern, String what) {}

    private static final List<Forbidden> FORBIDDEN = List.of(
            rule("\\bSystem\\s*\\.\\s*\\w+", "the JVM, its environment and processes"),
            rule("\\bRuntime\\b", "the Runtime (exit, processes)"),
            rule("\\bProcess(Builder|Handle)?\\b", "processes"),
            rule(
                    "\\bClass\\s*\\.\\s*\\w+|\\bforName\\b|\\bgetClass\\b|\\.\\s*class\\b|\\bjava\\s*\\.\\s*lang\\s*\\.\\s*(reflect|invoke)\\b|\\bgetDeclared\\w*|\\bsetAccessible\\b"
                            + "|\\bMethodHandles?\\b|\\b(getMethod|getField|getConstructor)s?\\s*\\(|\\bnewInstance\\s*\\(|\\bClassLoader\\b",
                    "reflection"),
            rule(
                    "\\bjava\\s*\\.\\s*(io|nio)\\b|\\bFiles\\b|\\bPaths?\\b|\\bFile(InputStream|OutputStream|Reader|Writer|Channel)?\\b"
                            + "|\\bRandomAccessFile\\b|\\bPrintWriter\\b",
                    "file I/O"),
            rule(
                    "\\bjava\\s*\\.\\s*net\\b|\\b(Server)?Socket\\w*\\b|\\bURL(Connection)?\\b|\\bHttp(Client|URLConnection)\\b"
                            + "|\\bInetAddress\\b|\\bDatagram\\w*\\b",
                    "network I/O"),
            rule(
                    "\\bThread\\w*\\b|\\bExecutors?\\b|\\bExecutorService\\b|\\bjava\\s*\\.\\s*util\\s*\\.\\s*concurrent\\b"
                            + "|\\bCompletableFuture\\b|\\bForkJoin\\w*\\b|\\bTimer\\b|\\bsynchronized\\b",
                    "threads"),
            // An answer depends on the request alone: the rules read the evaluation's date, never the
            // clock, and draw no chance, so a scenario's result does not change with the calendar
            // (and a rules folder whose scenarios passed can be trusted to pass again).
            rule(
                    "\\b(LocalDate|LocalDateTime|LocalTime|Instant|ZonedDateTime|OffsetDateTime|Year|YearMonth|MonthDay)\\s*\\.\\s*now\\b"
                            + "|\\bSystem\\s*\\.\\s*(currentTimeMillis|nanoTime)\\b|\\bClock\\b|\\bnew\\s+(java\\s*\\.\\s*util\\s*\\.\\s*)?Date\\s*\\("
                            + "|\\bCalendar\\s*\\.\\s*getInstance\\b",
                    "the clock: read the Evaluation's date"),
            rule("\\bMath\\s*\\.\\s*random\\b|\\b\\w*Random\\b|\\bUUID\\s*\\.\\s*randomUUID\\b", "chance"),
            rule("\\bdateNow\\b", "the clock: read the Evaluation's date"),
            rule("\\bMVEL\\b|\\bmvel2\\b", "evaluating text as code"));

    /** An import: {@code import [static] a.b.C[.*];}. */
    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^\\s*import\\s+(static\\s+)?([A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*)(\\s*\\.\\s*\\*)?\\s*;");
    /** Packages whose every class rules may use, the only ones imported with {@code .*}. */
    private static final Set<String> WILDCARD_PACKAGES = Set.of("com.addonconfigurator.rules.facts", "java.math");
    /** A fully qualified class name in code: lower-case package segments, then a capitalised class. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com|org|net|io)(?:\\s*\\.\\s*[a-z_$][\\w$]*)+\\s*\\.\\s*[A-Z][\\w$]*");

    private DrlGuard() {}

    private static Forbidden rule(String regex, String what) {
        return new Forbidden(Pattern.compile(regex), what);
    }

    /** Every forbidden use in a DRL file, each at its line and column. */
    public static List<Problem> check(String path, String drl) {
        return check(path, drl, AllowList.STANDARD);
    }

    /**
     * Every forbidden use in a DRL file, each at its line and column. The whole text is read at
     * once, so that a name split over lines is still one name; every import and every fully
     * qualified name must be a class the allow-list allows (conditions are not compiled to classes
     * the {@link CodeGuard} can read, so this is their check).
     */
    public static List<Problem> check(String path, String drl, AllowList allowList) {
        String code = blankCommentsAndStrings(drl);
        List<Problem> problems = new ArrayList<>();
        for (Forbidden f : FORBIDDEN) {
            Matcher m = f.pattern().matcher(code);
            while (m.find()) {
                problems.add(problemAt(
                        path,
                        code,
                        m.start(),
                        "'" + m.group().replaceAll("\\s+", "") + "' is not allowed in rules (" + f.what()
                                + "); rules may only decide on the facts they are given"));
            }
        }
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String name = imports.group(2).replaceAll("\\s+", "");
            boolean wildcard = imports.group(3) != null;
            boolean allowed = wildcard
                    ? WILDCARD_PACKAGES.contains(name)
                    : imports.group(1) != null
                            ? allowList.allowsMember(
                                    internal(name.substring(0, name.lastIndexOf('.'))),
                                    name.substring(name.lastIndexOf('.') + 1))
                            : allowList.allowsClass(internal(name));
            if (!allowed) {
                problems.add(problemAt(
                        path,
                        code,
                        imports.start(2),
                        "'import " + name + (wildcard ? ".*" : "")
                                + "' is not allowed in rules ("
                                + (wildcard
                                        ? "import the classes you need one by one"
                                        : AllowList.why(internal(name), null))
                                + ")"));
            }
        }
        Matcher qualified = QUALIFIED.matcher(code);
        while (qualified.find()) {
            if (isImportAt(code, qualified.start())) {
                continue;
            }
            String name = qualified.group().replaceAll("\\s+", "");
            String cls = name.replaceAll("\\.[a-z_$][\\w$]*$", "");
            if (!allowList.allowsClass(internal(cls))) {
                problems.add(problemAt(
                        path,
                        code,
                        qualified.start(),
                        "'" + name + "' is not allowed in rules (" + AllowList.why(internal(cls), null)
                                + "); rules may only decide on the facts they are given"));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        List<Problem> onePerLine = new ArrayList<>();
        for (Problem p : problems) {
            if (onePerLine.isEmpty() || onePerLine.get(onePerLine.size() - 1).line() != p.line()) {
                onePerLine.add(p);
            }
        }
        return onePerLine;
    }

    /** A problem at an offset of the text, with its line and column. */
    static Problem problemAt(String path, String text, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Problem(path, line, offset - lineStart + 1, message);
    }

    private static boolean isImportAt(String code, int offset) {
        int lineStart = code.lastIndexOf('\n', offset) + 1;
        return code.substring(lineStart, offset).trim().matches("import(\\s+static)?");
    }

    private static String internal(String dotted) {
        // a nested class: the part after the first capitalised segment
        String[] parts = dotted.split("\\.");
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append(inClass ? '$' : '/');
            }
            out.append(parts[i]);
            inClass |= !parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0));
        }
        return out.toString();
    }

    /** The text with comments and string literals replaced by spaces, lines and columns kept. */
    static String blankCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (; i < end; i++) {
                    out.append(s.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                out.append(' ');
                i++;
                while (i < s.length() && s.charAt(i) != c && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        out.append(' ');
                        i++;
                    }
                    out.append(' ');
                    i++;
                }
                if (i < s.length() && s.charAt(i) == c) {
                    out.append(' ');
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}

package com.addonconfigurator.rules;

import java.util.ArrayList;
import java.util.List;
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
            rule(
                    "\\bSystem\\s*\\.\\s*(exit|setProperty|clearProperty|getenv|load|loadLibrary|setOut|setErr|setIn|setSecurityManager)\\b",
                    "System calls that change or leave the JVM"),
            rule("\\bRuntime\\b", "the Runtime (exit, processes)"),
            rule("\\bProcess(Builder|Handle)?\\b", "processes"),
            rule(
                    "\\bClass\\s*\\.\\s*forName\\b|\\bjava\\s*\\.\\s*lang\\s*\\.\\s*(reflect|invoke)\\b|\\bgetDeclared\\w*|\\bsetAccessible\\b"
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
            rule("\\bMath\\s*\\.\\s*random\\b|\\b(Secure)?Random\\b|\\bUUID\\s*\\.\\s*randomUUID\\b", "chance"));

    private DrlGuard() {}

    private static Forbidden rule(String regex, String what) {
        return new Forbidden(Pattern.compile(regex), what);
    }

    /** Every forbidden use in a DRL file, each at its line and column. */
    public static List<Problem> check(String path, String drl) {
        String code = blankCommentsAndStrings(drl);
        List<Problem> problems = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Forbidden f : FORBIDDEN) {
                Matcher m = f.pattern().matcher(lines[i]);
                if (m.find()) {
                    problems.add(new Problem(
                            path,
                            i + 1,
                            m.start() + 1,
                            "'" + m.group().trim() + "' is not allowed in rules (" + f.what()
                                    + "); rules may only decide on the facts they are given"));
                }
            }
        }
        return problems;
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

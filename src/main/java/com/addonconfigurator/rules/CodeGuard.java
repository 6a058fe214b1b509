package com.addonconfigurator.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.rule.DialectRuntimeData;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.definition.KiePackage;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks what the compiled rules call, in the classes Drools generated for them (every rule's
 * consequence, every DRL function, the invokers of Java conditions), against the {@link
 * AllowList}. It reads the code, not the text: splitting a name over lines, building a class name
 * from strings, or naming a class in full changes nothing, because the call in the compiled code is
 * still to the same class. A refusal is placed at the DRL rule or function it comes from, at the
 * line that names the refused class or method when the DRL shows it.
 */
final class CodeGuard {
    private final AllowList allowList;

    CodeGuard(AllowList allowList) {
        this.allowList = allowList;
    }

    /** A refused use found in a generated class. */
    private record Refusal(String generatedClass, String owner, String member) {}

    List<Problem> check(Collection<KiePackage> kiePackages, Map<String, byte[]> drl) {
        GeneratedCode generated = GeneratedCode.of(kiePackages);
        Map<String, Refusal> refused = new LinkedHashMap<>();
        for (KiePackage kiePackage : kiePackages) {
            DialectRuntimeData data = ((InternalKnowledgePackage) kiePackage)
                    .getDialectRuntimeRegistry()
                    .getDialectData("java");
            if (!(data instanceof JavaDialectRuntimeData java)) {
                continue;
            }
            String own = kiePackage.getName().replace('.', '/') + "/";
            for (Map.Entry<String, byte[]> e : java.getStore().entrySet()) {
                if (e.getKey().endsWith(".class")) {
                    String cls = e.getKey().substring(0, e.getKey().length() - ".class".length());
                    scan(cls, own, e.getValue(), refused);
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (Refusal r : refused.values()) {
            problems.add(place(r, generated, drl));
        }
        return problems;
    }

    private void scan(String cls, String own, byte[] bytes, Map<String, Refusal> refused) {
        new ClassReader(bytes)
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String desc, String sig, String[] exceptions) {
                                return new MethodVisitor(Opcodes.ASM9) {
                                    @Override
                                    public void visitMethodInsn(
                                            int op, String owner, String member, String d, boolean itf) {
                                        member(owner, member);
                                    }

                                    @Override
                                    public void visitFieldInsn(int op, String owner, String member, String d) {
                                        member(owner, member);
                                    }

                                    @Override
                                    public void visitTypeInsn(int op, String type) {
                                        type(type);
                                    }

                                    @Override
                                    public void visitLdcInsn(Object value) {
                                        if (value instanceof Type t && t.getSort() == Type.OBJECT) {
                                            type(t.getInternalName());
                                        }
                                    }

                                    @Override
                                    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                                        type(Type.getType(descriptor)
                                                .getElementType()
                                                .getInternalName());
                                    }

                                    @Override
                                    public void visitInvokeDynamicInsn(
                                            String member, String d, Handle bootstrap, Object... args) {
                                        if (!Set.of(
                                                        "java/lang/invoke/LambdaMetafactory",
                                                        "java/lang/invoke/StringConcatFactory")
                                                .contains(bootstrap.getOwner())) {
                                            refuse(bootstrap.getOwner(), bootstrap.getName());
                                        }
                                        for (Object arg : args) {
                                            if (arg instanceof Handle h) {
                                                member(h.getOwner(), h.getName());
                                            }
                                        }
                                    }

                                    private void member(String owner, String member) {
                                        if (!owner.startsWith(own) && !allowList.allowsMember(owner, member)) {
                                            refuse(owner, member);
                                        }
                                    }

                                    private void type(String type) {
                                        if (!type.startsWith(own) && !allowList.allowsClass(type)) {
                                            refuse(type, null);
                                        }
                                    }

                                    private void refuse(String owner, String member) {
                                        refused.putIfAbsent(
                                                cls + " " + owner + "." + member,
                                                new Refusal(cls.substring(cls.lastIndexOf('/') + 1), owner, member));
                                    }
                                };
                            }
                        },
                        ClassReader.SKIP_DEBUG);
    }

    /** The refusal at the DRL file and line of the rule or function it comes from. */
    private static Problem place(Refusal r, GeneratedCode generated, Map<String, byte[]> drl) {
        String what = r.owner().replace('/', '.').replace('$', '.') + (r.member() == null ? "" : "." + r.member());
        String message = "'" + what + "' is not allowed in rules (" + AllowList.why(r.owner(), r.member())
                + "); rules may only decide on the facts they are given";
        String owner = generated.ownerOf(r.generatedClass());
        Pattern declaration = owner.startsWith("function ")
                ? Pattern.compile(
                        "\\bfunction\\s+[\\w.<>\\[\\], ]+?\\s+" + Pattern.quote(owner.substring(9)) + "\\s*\\(")
                : Pattern.compile("\\brule\\s+\"" + Pattern.quote(owner) + "\"");
        String simple = r.owner().substring(r.owner().lastIndexOf('/') + 1).replace('$', '.');
        String name = r.member() != null && !r.member().startsWith("<") ? r.member() : simple;
        for (Map.Entry<String, byte[]> file : drl.entrySet()) {
            String raw = new String(file.getValue(), StandardCharsets.UTF_8);
            String text = DrlGuard.blankCommentsAndStrings(raw); // the same offsets, without texts
            Matcher m = declaration.matcher(raw);
            if (!m.find()) {
                continue;
            }
            int end = nextDeclaration(text, m.end());
            int at = indexOfWord(text, name, m.end(), end);
            if (at < 0) {
                at = indexOfWord(text, simple, m.end(), end);
            }
            return at < 0
                    ? DrlGuard.problemAt(file.getKey(), text, m.start(), message + " (in " + owner + ")")
                    : DrlGuard.problemAt(file.getKey(), text, at, message);
        }
        return new Problem(".", 0, 0, message + " (in " + owner + ")");
    }

    private static int nextDeclaration(String text, int from) {
        Matcher next =
                Pattern.compile("\\n\\s*(rule|function|query|declare)\\b").matcher(text);
        return next.find(from) ? next.start() : text.length();
    }

    private static int indexOfWord(String text, String word, int from, int to) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text);
        return m.find(from) && m.start() < to ? m.start() : -1;
    }
}

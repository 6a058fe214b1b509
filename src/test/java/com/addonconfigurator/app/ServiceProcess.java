package com.addonconfigurator.app;

import com.addonconfigurator.TestRules;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The service as a real process (java … com.addonconfigurator.Main) on a free port, with the project's rules. */
final class ServiceProcess {
    final Process process;
    final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param env added to PORT, RULES_DIR, RULES_WATCH=false and RULES_CACHE_DIR=off (or replacing them); @param output true: readable from process.getInputStream() */
    static ServiceProcess start(Map<String, String> env, boolean output) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), "com.addonconfigurator.Main")
                .redirectErrorStream(true);
        if (!output) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Map<String, String> all = new HashMap<>(Map.of(
                "PORT",
                String.valueOf(port),
                "RULES_DIR",
                TestRules.FOLDER.toAbsolutePath().toString(),
                "RULES_WATCH",
                "false",
                "RULES_CACHE_DIR",
                "off"));
        all.putAll(env);
        builder.environment().putAll(all);
        return new ServiceProcess(builder.start(), port);
    }
}

package com.addonconfigurator.cli;

import com.addonconfigurator.app.AppConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code configmap [RULES_DIR]}: prints the Kubernetes ConfigMaps of a rules folder, {@code addon-rules}
 * (its files, mounted as RULES_DIR) and {@code addon-rules-scenarios} (its scenarios/, mounted as
 * SCENARIOS_DIR: a ConfigMap holds no subfolders). What {@code kubectl create configmap --from-file}
 * would make, without needing kubectl.
 */
final class ConfigMapCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    ConfigMapCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        if (!Cli.atMostOneFolder(args)) {
            err.println("usage: java -jar addon-configurator.jar configmap [RULES_DIR]");
            return Cli.USAGE;
        }
        Path folder = args.isEmpty() ? AppConfig.DEFAULT_RULES_DIR : Path.of(args.get(0));
        try {
            out.print(render(folder));
            return 0;
        } catch (IOException e) {
            err.println("configmap: cannot read " + folder + ": " + e.getMessage());
            return 1;
        }
    }

    String render(Path folder) throws IOException {
        StringWriter text = new StringWriter();
        text.write("# The rules folder as ConfigMaps: java -jar target/addon-configurator.jar configmap rules\n");
        try (SequenceWriter docs = yaml.writer().writeValues(text)) {
            docs.write(configMap("addon-rules", folder));
            docs.write(configMap("addon-rules-scenarios", folder.resolve("scenarios")));
        }
        return text.toString();
    }

    private ObjectNode configMap(String name, Path folder) throws IOException {
        ObjectNode map = yaml.createObjectNode();
        map.put("apiVersion", "v1");
        map.put("kind", "ConfigMap");
        ObjectNode metadata = map.putObject("metadata");
        metadata.put("name", name);
        metadata.putObject("labels").put("app", "addon-configurator");
        ObjectNode data = map.putObject("data");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                data.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return map;
    }
}

package com.addonconfigurator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A request with where it comes from ({@code scenarios/x.yaml › name}, {@code carts.jsonl:3}). */
record LabelledRequest(String label, JsonNode body) {
    /** Every request of a carts file: one JSON evaluate request per line, blank lines skipped. */
    static List<LabelledRequest> cartsFile(String file, ObjectMapper mapper) throws IOException {
        List<LabelledRequest> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                out.add(new LabelledRequest(file + ":" + (i + 1), mapper.readTree(lines.get(i))));
            } catch (JsonProcessingException e) {
                throw new IOException(file + ":" + (i + 1) + ": not a JSON request: " + e.getOriginalMessage());
            }
        }
        return out;
    }
}

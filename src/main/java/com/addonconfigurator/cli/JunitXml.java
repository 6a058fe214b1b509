package com.addonconfigurator.cli;

import com.addonconfigurator.scenarios.Report;
import com.addonconfigurator.scenarios.ScenarioResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A JUnit XML report of a scenario run: one testsuite per file, one testcase per scenario. */
final class JunitXml {
    private JunitXml() {}

    static void write(Path file, List<ScenarioResult> results) throws IOException {
        Map<String, List<ScenarioResult>> byFile = new LinkedHashMap<>();
        for (ScenarioResult r : results) {
            byFile.computeIfAbsent(r.file(), k -> new java.util.ArrayList<>()).add(r);
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (OutputStream stream = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(stream, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "scenarios");
            xml.writeAttribute("tests", String.valueOf(results.size()));
            xml.writeAttribute(
                    "failures",
                    String.valueOf(results.stream().filter(r -> !r.passed()).count()));
            for (var e : byFile.entrySet()) {
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", e.getKey());
                xml.writeAttribute("tests", String.valueOf(e.getValue().size()));
                xml.writeAttribute(
                        "failures",
                        String.valueOf(
                                e.getValue().stream().filter(r -> !r.passed()).count()));
                for (ScenarioResult r : e.getValue()) {
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("classname", r.file());
                    xml.writeAttribute("name", r.name());
                    if (!r.passed()) {
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", r.differences().get(0));
                        xml.writeCharacters(Report.failure(r));
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}

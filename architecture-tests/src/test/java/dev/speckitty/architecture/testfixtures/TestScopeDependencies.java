package dev.speckitty.architecture.testfixtures;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reads a pom's dependency declarations of one artifact, to check their scope. */
final class TestScopeDependencies {

    private TestScopeDependencies() {}

    /** One message per declaration of {@code artifactId} in {@code pom} whose scope is not {@code test}. */
    static List<String> violations(String pomName, String pom, String artifactId) {
        List<String> violations = new ArrayList<>();
        NodeList dependencies = parse(pom).getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (artifactId.equals(child(dependency, "artifactId")) && !"test".equals(child(dependency, "scope"))) {
                violations.add(pomName + " declares " + artifactId + " in scope "
                        + (child(dependency, "scope").isEmpty() ? "(none, i.e. compile)" : child(dependency, "scope"))
                        + "; it holds test doubles, so only <scope>test</scope> is allowed");
            }
        }
        return violations;
    }

    /** The artifactIds of the {@code <dependencies>} of {@code pom} itself (not its dependencyManagement). */
    static List<String> directDependencies(String pom) {
        Element project = parse(pom).getDocumentElement();
        List<String> ids = new ArrayList<>();
        for (Element dependencies : children(project, "dependencies")) {
            for (Element dependency : children(dependencies, "dependency")) {
                ids.add(child(dependency, "artifactId"));
            }
        }
        return ids;
    }

    /** The {@code <module>} entries of an aggregator pom. */
    static List<String> modules(String pom) {
        List<String> modules = new ArrayList<>();
        for (Element list : children(parse(pom).getDocumentElement(), "modules")) {
            for (Element module : children(list, "module")) {
                modules.add(module.getTextContent().strip());
            }
        }
        return modules;
    }

    static String read(Path pom) throws IOException {
        return Files.readString(pom);
    }

    private static String child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.getFirst().getTextContent().strip();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Document parse(String pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(pom.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not a readable pom: " + e.getMessage(), e);
        }
    }
}

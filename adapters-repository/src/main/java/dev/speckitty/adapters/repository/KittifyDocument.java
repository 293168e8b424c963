package dev.speckitty.adapters.repository;

import dev.speckitty.domain.teamspace.TrackerBinding;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@code .kittify/config.yaml} as a YAML node tree (composed, not constructed: scalars keep the
 * text they were written with, and no object of an arbitrary type is ever built). Top-level keys
 * may repeat, as PyYAML allows; the last one wins when reading, as there.
 */
final class KittifyDocument {

    private final List<NodeTuple> topLevel;

    private KittifyDocument(List<NodeTuple> topLevel) {
        this.topLevel = topLevel;
    }

    static final KittifyDocument EMPTY = new KittifyDocument(List.of());

    static KittifyDocument parse(String text, Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException malformed) {
            Mark mark = malformed.getProblemMark();
            throw new BindingFileException(file, file + " is not valid YAML" + (mark == null ? "" : " (line "
                    + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": " + malformed.getProblem() + ")")
                    + ". It was left unchanged; fix it by hand and retry.", malformed);
        } catch (YAMLException malformed) {
            throw new BindingFileException(file, file + " is not valid YAML. It was left unchanged; fix it by hand"
                    + " and retry.", malformed);
        }
        if (root == null) {
            return EMPTY;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new BindingFileException(file, file + " does not hold a YAML mapping (key: value) at the top"
                    + " level. It was left unchanged; fix it by hand and retry.");
        }
        return new KittifyDocument(List.copyOf(mapping.getValue()));
    }

    String projectUuid() {
        return text(child(value("project"), "uuid"));
    }

    String projectSlug() {
        return text(child(value("project"), "slug"));
    }

    String repoSlugOverride() {
        return text(child(value("project"), "repo_slug"));
    }

    /** {@code teamspace: {slug: <handle>}}, or the plain {@code teamspace: <handle>}. */
    String teamspace() {
        Node teamspace = value("teamspace");
        return teamspace instanceof ScalarNode ? text(teamspace) : text(child(teamspace, "slug"));
    }

    TrackerBinding tracker() {
        Node tracker = value("tracker");
        if (!(tracker instanceof MappingNode)) {
            return null;
        }
        return new TrackerBinding(text(child(tracker, "provider")), text(child(tracker, "binding_ref")),
                text(child(tracker, "project_slug")), text(child(tracker, "workspace")));
    }

    /** How often {@code key} appears at the top level. */
    long occurrences(String key) {
        return topLevel.stream().filter(tuple -> isKey(tuple.getKeyNode(), key)).count();
    }

    /** Every top-level entry except {@code key}'s, as comparable values (ignoring layout and comments). */
    List<Object> entriesExcept(String key) {
        List<Object> entries = new ArrayList<>();
        for (NodeTuple tuple : topLevel) {
            if (!isKey(tuple.getKeyNode(), key)) {
                entries.add(List.of(canonical(tuple.getKeyNode(), new IdentityHashMap<>()),
                        canonical(tuple.getValueNode(), new IdentityHashMap<>())));
            }
        }
        return entries;
    }

    private Node value(String key) {
        return valueIn(topLevel, key);
    }

    private static Node child(Node parent, String key) {
        return parent instanceof MappingNode mapping ? valueIn(mapping.getValue(), key) : null;
    }

    private static Node valueIn(List<NodeTuple> tuples, String key) {
        Node found = null;
        for (NodeTuple tuple : tuples) {
            if (isKey(tuple.getKeyNode(), key)) {
                found = tuple.getValueNode(); // the last one wins, as in PyYAML
            }
        }
        return found;
    }

    private static boolean isKey(Node node, String key) {
        return node instanceof ScalarNode scalar && scalar.getValue().equals(key);
    }

    /** A scalar's text, or null for a missing value, an explicit null or a non-scalar. */
    private static String text(Node node) {
        if (!(node instanceof ScalarNode scalar) || Tag.NULL.equals(scalar.getTag())) {
            return null;
        }
        return scalar.getValue();
    }

    /** Tag, value and structure of a node; an alias cycle becomes a marker instead of recursing forever. */
    private static Object canonical(Node node, Map<Node, Boolean> inProgress) {
        if (node instanceof ScalarNode scalar) {
            return List.of("scalar", scalar.getTag().getValue(), scalar.getValue());
        }
        if (inProgress.put(node, Boolean.TRUE) != null) {
            return List.of("cycle");
        }
        try {
            List<Object> children = new ArrayList<>();
            if (node instanceof SequenceNode sequence) {
                children.add("sequence");
                for (Node item : sequence.getValue()) {
                    children.add(canonical(item, inProgress));
                }
            } else if (node instanceof MappingNode mapping) {
                children.add("mapping");
                for (NodeTuple tuple : mapping.getValue()) {
                    children.add(List.of(canonical(tuple.getKeyNode(), inProgress),
                            canonical(tuple.getValueNode(), inProgress)));
                }
            } else {
                children.add(node.getNodeId().name());
            }
            children.add(1, node.getTag().getValue());
            return children;
        } finally {
            inProgress.remove(node);
        }
    }
}

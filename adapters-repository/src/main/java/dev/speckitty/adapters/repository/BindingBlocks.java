package dev.speckitty.adapters.repository;

import dev.speckitty.domain.teamspace.TrackerBinding;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The YAML text of the blocks bind writes. SnakeYAML renders them, so any value is quoted and
 * escaped correctly; only these few lines are serialised, never the whole document.
 */
final class BindingBlocks {

    static final String TEAMSPACE = "teamspace";
    static final String TRACKER = "tracker";

    private BindingBlocks() {}

    /** {@code teamspace:\n  slug: <handle>\n} */
    static String teamspace(String handle) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("slug", handle);
        return render(TEAMSPACE, body);
    }

    /** {@code tracker:} with the binding's non-blank fields, in the reference's key names. */
    static String tracker(TrackerBinding tracker) {
        Map<String, String> body = new LinkedHashMap<>();
        putIfPresent(body, "provider", tracker.provider());
        putIfPresent(body, "binding_ref", tracker.bindingRef());
        putIfPresent(body, "project_slug", tracker.projectSlug());
        putIfPresent(body, "workspace", tracker.workspace());
        return render(TRACKER, body);
    }

    private static void putIfPresent(Map<String, String> body, String key, String value) {
        if (value != null && !value.isBlank()) {
            body.put(key, value.strip());
        }
    }

    private static String render(String key, Map<String, String> body) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(Integer.MAX_VALUE); // one line per value
        options.setSplitLines(false);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(options).dump(Map.of(key, body));
    }
}

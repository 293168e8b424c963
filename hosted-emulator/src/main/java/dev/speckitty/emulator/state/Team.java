package dev.speckitty.emulator.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A team membership as `/api/v1/me` reports it. */
public record Team(String id, String name, String role, boolean privateTeamspace) {

    public static final Team DEFAULT_PRIVATE = new Team("t-private", "Private", "owner", true);
    public static final Team DEFAULT_SHARED = new Team("t-shared", "Shared", "member", false);

    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("role", role);
        json.put("is_private_teamspace", privateTeamspace);
        return json;
    }
}

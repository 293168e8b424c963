package dev.speckitty.emulator.state;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users by id, plus the one "signed-in browser user" who approves browser and device logins.
 * Sessions keep only a user id, so changing a user here changes what `/api/v1/me` says next.
 */
public final class UserDirectory {

    private final Map<String, User> usersById = new ConcurrentHashMap<>();
    private volatile String signedInUserId;

    public UserDirectory(User signedInUser) {
        replaceSignedInUser(signedInUser);
    }

    public User signedInUser() {
        return usersById.get(signedInUserId);
    }

    public synchronized void replaceSignedInUser(User user) {
        usersById.put(user.userId(), user);
        signedInUserId = user.userId();
    }

    public void upsert(User user) {
        usersById.put(user.userId(), user);
    }

    public Optional<User> find(String userId) {
        return Optional.ofNullable(usersById.get(userId));
    }

    public Optional<User> findByEmail(String email) {
        return usersById.values().stream().filter(user -> user.email().equalsIgnoreCase(email)).findFirst();
    }

    public synchronized void resetTo(User signedInUser) {
        usersById.clear();
        replaceSignedInUser(signedInUser);
    }
}

package dev.speckitty.emulator.state;

import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.fault.FaultBoard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Everything one emulator instance remembers, in memory, and how to forget it all. */
public final class EmulatorState {

    private final EmulatorSettings startSettings;
    private final EmulatorClock clock;
    private final TokenGenerator generator = new TokenGenerator();
    private final SecretLedger secrets;
    private final RuntimeSwitches switches;
    private final UserDirectory users;
    private final TokenStore tokens;
    private final SessionMint mint;
    private final AuthorizationCodes codes;
    private final PendingApprovals approvals;
    private final DeviceAuthorizations devices;
    private final EventLedger events;
    private final CallCounters counters = new CallCounters();
    private final FaultBoard faults = new FaultBoard();
    private final AtomicReference<Map<String, Object>> meOverride = new AtomicReference<>();

    public EmulatorState(EmulatorSettings settings, EmulatorClock clock) {
        this.startSettings = settings;
        this.clock = clock;
        this.switches = new RuntimeSwitches(settings);
        this.secrets = new SecretLedger(clock);
        this.users = new UserDirectory(User.defaultUser(settings.privateTeam()));
        this.tokens = new TokenStore(clock, switches, generator, secrets);
        this.mint = new SessionMint(users, tokens);
        this.codes = new AuthorizationCodes(clock, generator, secrets);
        this.approvals = new PendingApprovals(generator);
        this.devices = new DeviceAuthorizations(clock, switches, generator, secrets);
        this.events = new EventLedger(clock);
    }

    public EmulatorClock clock() { return clock; }
    public RuntimeSwitches switches() { return switches; }
    public UserDirectory users() { return users; }
    public TokenStore tokens() { return tokens; }
    public SessionMint mint() { return mint; }
    public AuthorizationCodes codes() { return codes; }
    public PendingApprovals approvals() { return approvals; }
    public DeviceAuthorizations devices() { return devices; }
    public EventLedger events() { return events; }
    public CallCounters counters() { return counters; }
    public FaultBoard faults() { return faults; }
    public SecretLedger secrets() { return secrets; }

    /** A body {@code /api/v1/me} returns verbatim for any valid token, instead of the user's record. */
    public Optional<Map<String, Object>> meOverride() {
        return Optional.ofNullable(meOverride.get());
    }

    public void meOverride(Map<String, Object> body) {
        meOverride.set(body);
    }

    /** Gives the signed-in user a Private Teamspace, or takes it away (batch ingress then answers 403). */
    public void privateTeam(boolean present) {
        User user = users.signedInUser();
        List<Team> teams = new ArrayList<>(user.teams().stream().filter(team -> !team.privateTeamspace()).toList());
        if (present) {
            teams.addFirst(Team.DEFAULT_PRIVATE);
        }
        users.replaceSignedInUser(user.withTeams(teams));
    }

    public boolean privateTeam() {
        return users.signedInUser().privateTeam().isPresent();
    }

    /** Back to the start settings: no sessions, codes, secrets, events, faults, counters or clock offset. */
    public void reset() {
        switches.restore(startSettings);
        users.resetTo(User.defaultUser(startSettings.privateTeam()));
        tokens.clear();
        codes.clear();
        approvals.clear();
        devices.clear();
        secrets.clear();
        events.clear();
        counters.clear();
        faults.clear();
        meOverride.set(null);
        clock.resetOffset();
    }
}

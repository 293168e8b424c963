package dev.speckitty.shell.render;

import dev.speckitty.application.session.DoctorReport;
import dev.speckitty.application.session.DoctorReport.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code auth doctor --json} document (docs/spec/hosted-contract.md §7.5, without the daemon sections). */
public final class DoctorJson {

    private DoctorJson() {}

    public static Map<String, Object> document(DoctorReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema_version", 2);
        document.put("generated_at", Timestamps.format(report.generatedAt()));
        document.put("auth_root", report.storageLocation());
        document.put("key_derivation", report.keyDerivation());
        document.put("session", session(report.session()));
        document.put("refresh_lock", lock(report.refreshLock()));
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding finding : report.findings()) {
            findings.add(finding(finding));
        }
        document.put("findings", findings);
        if (report.repair() != null) {
            document.put("repair", report.repair());
        }
        if (report.server() != null) {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("active", report.server().active());
            server.put("session_id", report.server().sessionId());
            server.put("error", report.server().error());
            server.put("checked", report.server().checked());
            server.put("method", report.server().method() == null ? null
                    : SessionFacts.jsonName(report.server().method()));
            server.put("expires_at", report.server().expiresAt() == null ? null : report.server().expiresAt().toString());
            document.put("server_session", server);
        }
        return document;
    }

    private static Map<String, Object> session(DoctorReport.SessionFacts session) {
        if (session == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("present", true);
        map.put("session_id", session.sessionId());
        map.put("user_email", session.userEmail());
        map.put("access_token_remaining_s", session.accessTokenRemainingSeconds());
        map.put("refresh_token_remaining_s", session.refreshTokenRemainingSeconds());
        map.put("refresh_token_lifetime", SessionFacts.jsonName(session.refreshLifetime()));
        map.put("storage_backend", session.storageBackend());
        return map;
    }

    private static Map<String, Object> lock(DoctorReport.LockFacts lock) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("held", lock.held());
        map.put("holder_pid", lock.holderPid());
        map.put("holder_host", lock.holderHost());
        map.put("started_at", Timestamps.format(lock.startedAt()));
        map.put("age_s", lock.ageSeconds());
        map.put("stuck", lock.stuck());
        map.put("stuck_threshold_s", lock.stuckThresholdSeconds());
        return map;
    }

    private static Map<String, Object> finding(Finding finding) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", finding.id());
        map.put("severity", finding.severity().machineName());
        map.put("summary", finding.summary());
        Map<String, Object> remediation = null;
        if (finding.command() != null || finding.description() != null) {
            remediation = new LinkedHashMap<>();
            remediation.put("command", finding.command());
            remediation.put("description", finding.description());
        }
        map.put("remediation", remediation);
        return map;
    }
}

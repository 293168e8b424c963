package dev.speckitty.emulator;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One real emulator per test class on 127.0.0.1:0, reset to its start settings before each test. */
abstract class EmulatorTestBase {

    static HostedEmulator emulator;
    static Http http;

    @BeforeAll
    static void startEmulator() {
        emulator = HostedEmulator.start(EmulatorSettings.builder().port(0).build());
        http = new Http(emulator.baseUrl());
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetEmulator() {
        emulator.reset();
    }

    static Reply refresh(String refreshToken) throws IOException, InterruptedException {
        return http.postForm("/oauth/token", Http.form(
                "grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", "cli_native"));
    }

    static Reply me(String accessToken) throws IOException, InterruptedException {
        return http.get("/api/v1/me", "Authorization", Http.bearer(accessToken));
    }
}

package dev.speckitty.conformance;

import dev.speckitty.conformance.sas.SpringAuthorizationServer;
import java.nio.file.Path;
import java.util.List;

/**
 * The scenarios against Spring Authorization Server: a real, well-kept authorization server that
 * we did not write (see {@code sas/AuthorizationServerApplication}). The device grant is approved
 * through its verification endpoint by a user logged in with its form login; the browser stand-in
 * carries that login; token-endpoint requests are counted by a servlet filter in front of it.
 */
class SpringAuthorizationServerTest extends StandardsServerScenarios {

    @Override
    StandardsServer start() {
        SpringAuthorizationServer sas = SpringAuthorizationServer.start();
        return new StandardsServer() {
            @Override
            public String baseUrl() {
                return sas.baseUrl();
            }

            @Override
            public String tokenPath() {
                return "/oauth2/token";
            }

            @Override
            public String approvePendingDevice() throws Exception {
                return sas.approvePendingDevice();
            }

            @Override
            public String browserCommand(Path dir) throws Exception {
                return sas.browserCommand(dir);
            }

            @Override
            public int refreshRequests() {
                return sas.tokenRequests("refresh_token", 200) + sas.tokenRequests("refresh_token", 400)
                        + sas.tokenRequests("refresh_token", 401);
            }

            @Override
            public int rotations() {
                return sas.tokenRequests("refresh_token", 200);
            }

            @Override
            public List<String> serverSideSecrets() {
                return sas.deviceCodes();
            }

            @Override
            public void close() {
                sas.close();
            }
        };
    }
}

package dev.speckitty.conformance.sas;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs {@link AuthorizationServerApplication} on 127.0.0.1 (a free port) and acts as its user: a
 * form login through the server's own login page, device approval through its verification
 * endpoint, and a browser stand-in that carries the logged-in session.
 */
public final class SpringAuthorizationServer implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final TokenEndpointRecorder recorder;
    private final PendingDeviceCodes devices;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient user;
    private boolean loggedIn;

    private SpringAuthorizationServer(ConfigurableApplicationContext context) {
        this.context = context;
        String port = context.getEnvironment().getProperty("local.server.port");
        this.baseUrl = "http://127.0.0.1:" + port;
        this.recorder = context.getBean(TokenEndpointRecorder.class);
        this.devices = context.getBean(PendingDeviceCodes.class);
        this.user = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static SpringAuthorizationServer start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthorizationServerApplication.class)
                .properties("server.address=127.0.0.1", "server.port=0", "spring.main.web-application-type=servlet", "spring.main.banner-mode=off",
                        "logging.level.root=WARN")
                .run();
        return new SpringAuthorizationServer(context);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Logs the test user in through the server's form login (once); its session cookie is kept. */
    public synchronized void logIn() throws IOException, InterruptedException {
        if (loggedIn) {
            return;
        }
        HttpResponse<String> page = user.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new AssertionError("no login form at /login: HTTP " + page.statusCode());
        }
        HttpResponse<String> login = postForm("/login", "username=" + encode(AuthorizationServerApplication.USER)
                + "&password=" + encode(AuthorizationServerApplication.PASSWORD) + "&_csrf=" + encode(csrf.group(1)));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("form login failed: HTTP " + login.statusCode() + " -> " + location);
        }
        loggedIn = true;
    }

    /** Waits for the CLI's device authorization, approves its user code at the verification endpoint, returns it. */
    public String approvePendingDevice() throws Exception {
        String userCode = devices.userCodes().poll(60, TimeUnit.SECONDS);
        if (userCode == null) {
            throw new AssertionError("the CLI started no device authorization within 60 s");
        }
        logIn();
        HttpResponse<String> consent = postForm("/oauth2/device_verification", "user_code=" + encode(userCode));
        if (consent.statusCode() != 200 || !consent.body().contains("consent_form")) {
            throw new AssertionError("no consent page for the device: HTTP " + consent.statusCode());
        }
        // The user ticks every scope the page asks about and submits the server's own consent form.
        HttpResponse<String> verified = postForm("/oauth2/device_verification", formFields(consent.body()));
        String location = verified.headers().firstValue("Location").orElse("");
        if (verified.statusCode() != 302 || !location.contains("success")) {
            throw new AssertionError("device verification failed: HTTP " + verified.statusCode() + " -> " + location
                    + " " + verified.body().substring(0, Math.min(600, verified.body().length())));
        }
        return userCode;
    }

    /** A {@code BROWSER} script: curl with the logged-in session follows the authorize redirect to the CLI. */
    public String browserCommand(Path dir) throws IOException, InterruptedException {
        logIn();
        Path script = dir.resolve("sas-browser");
        Files.writeString(script, "#!/bin/sh\nexec curl -s -L -o /dev/null -H 'Cookie: JSESSIONID="
                + sessionCookie() + "' \"$1\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    public int tokenRequests(String grantType, int status) {
        return recorder.tokenRequests(grantType, status);
    }

    public List<String> deviceCodes() {
        return devices.deviceCodes();
    }

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");

    /** Every named input of the page's form with a value (hidden fields and the scope check boxes), encoded. */
    private static String formFields(String page) {
        StringBuilder form = new StringBuilder();
        Matcher input = INPUT.matcher(page);
        while (input.find()) {
            Matcher name = NAME.matcher(input.group());
            Matcher value = VALUE.matcher(input.group());
            if (name.find() && value.find()) {
                form.append(form.isEmpty() ? "" : "&").append(encode(name.group(1))).append('=')
                        .append(encode(value.group(1).replace("&amp;", "&")));
            }
        }
        return form.toString();
    }

    private String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
        return user.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        context.close();
    }
}

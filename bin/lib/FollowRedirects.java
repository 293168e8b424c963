import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The demo's stand-in browser (run as a single-file program): GET the authorize URL and follow
 * redirects, which with an auto-approving emulator ends at the CLI's loopback callback.
 */
public class FollowRedirects {
    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        client.send(HttpRequest.newBuilder(URI.create(args[0])).GET().build(), HttpResponse.BodyHandlers.discarding());
    }
}

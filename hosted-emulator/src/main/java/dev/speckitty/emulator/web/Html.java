package dev.speckitty.emulator.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The few plain HTML pages a person sees in a browser (approval, device code, errors). */
final class Html {

    private Html() {
    }

    static Mono<ServerResponse> page(HttpStatus status, String title, String bodyHtml) {
        String html = """
                <!doctype html>
                <html><head><meta charset="utf-8"><title>%s</title>
                <style>body{font-family:sans-serif;max-width:32rem;margin:3rem auto}button{margin-right:1rem}</style>
                </head><body><h1>%s</h1>
                %s
                </body></html>
                """.formatted(escape(title), escape(title), bodyHtml);
        return ServerResponse.status(status).contentType(MediaType.TEXT_HTML).bodyValue(html);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

package org.helpdesk.it.support;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the deployed application: it keeps cookies, does not follow
 * redirects on its own (the tests look at them), signs in through the real login form and posts
 * Faces forms with their view state. For the API it sends HTTP Basic credentials.
 */
public final class HelpdeskClient {

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private final String basicAuthorization;
    private String base = baseUrl();
    private String acceptLanguage;
    private Consumer<HttpResponse<?>> answerObserver = answer -> {};

    private HelpdeskClient(String basicAuthorization) {
        this.basicAuthorization = basicAuthorization;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Without credentials: an anonymous browser or API client. */
    public static HelpdeskClient anonymous() {
        return new HelpdeskClient(null);
    }

    /** Sends HTTP Basic credentials on every request. */
    public static HelpdeskClient basic(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new HelpdeskClient("Basic " + token);
    }

    /** A browser session signed in through the login page; fails if the sign-in fails. */
    public static HelpdeskClient signedIn(String username, String password) throws IOException, InterruptedException {
        HelpdeskClient client = anonymous();
        HttpResponse<String> response = client.signIn(username, password);
        if (response.statusCode() != 302) {
            throw new AssertionError("Sign-in of " + username + " failed with " + response.statusCode());
        }
        return client;
    }

    public static String baseUrl() {
        return System.getProperty("helpdesk.base.url", "http://127.0.0.1:8180");
    }

    public static URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    /**
     * Sends this client's requests for paths (not full URLs) to another server from now on, e.g. a
     * cluster's load balancer or one of its nodes; cookies and credentials stay the same.
     */
    public HelpdeskClient at(String baseUrl) {
        this.base = baseUrl;
        return this;
    }

    /** Sends {@code Accept-Language} with every request from now on, as a browser set to those languages does. */
    public HelpdeskClient speaking(String languages) {
        this.acceptLanguage = languages;
        return this;
    }

    /** Posts the login form as a person would: loads it, fills it in, submits it. */
    public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        return submitForm(
                "/login", "login", Map.of("login:username", username, "login:password", password), "login:signIn");
    }

    /**
     * Loads a page, then submits one of its Faces forms with the given fields and the given button,
     * carrying the page's view state as a browser does.
     */
    public HttpResponse<String> submitForm(String pagePath, String formId, Map<String, String> fields, String button)
            throws IOException, InterruptedException {
        HttpResponse<String> page = get(pagePath);
        return postForm(
                Html.actionOf(page.body(), formId).orElse(pagePath), postback(page, pagePath, formId, fields, button));
    }

    /**
     * The first half of {@link #submitForm}: loads the page and fills in the form, as a user who
     * has the page open and typed into it; {@link #post(FilledForm)} sends it later, with the view
     * state the page held.
     */
    public FilledForm fillForm(String pagePath, String formId, Map<String, String> fields, String button)
            throws IOException, InterruptedException {
        HttpResponse<String> page = get(pagePath);
        return new FilledForm(
                Html.actionOf(page.body(), formId).orElse(pagePath), postback(page, pagePath, formId, fields, button));
    }

    /** Sends a form filled in earlier ({@link #fillForm}). */
    public HttpResponse<String> post(FilledForm form) throws IOException, InterruptedException {
        return postForm(form.action(), form.fields());
    }

    /** A Faces form as a page showed it, filled in: where it is posted and every field, its view state included. */
    public record FilledForm(String action, Map<String, String> fields) {}

    /** Like {@link #submitForm}, for a multipart form with files (field name to files). */
    public HttpResponse<String> submitMultipartForm(
            String pagePath,
            String formId,
            Map<String, String> fields,
            Map<String, List<FilePart>> files,
            String button)
            throws IOException, InterruptedException {
        HttpResponse<String> page = get(pagePath);
        return postMultipart(
                Html.actionOf(page.body(), formId).orElse(pagePath),
                postback(page, pagePath, formId, fields, button),
                files);
    }

    /**
     * Like {@link #submitMultipartForm}, sent as PrimeFaces' ajax sends it from the browser: the form's
     * fields with the partial-request parameters (execute the form, render what the page's button
     * says it updates), the {@code Faces-Request} header, and each file under its input's id. The
     * answer is a Faces partial response ({@link PartialResponse}).
     */
    public HttpResponse<String> submitMultipartFormByAjax(
            String pagePath,
            String formId,
            Map<String, String> fields,
            Map<String, List<FilePart>> files,
            String button)
            throws IOException, InterruptedException {
        HttpResponse<String> page = get(pagePath);
        Map<String, String> form = postback(page, pagePath, formId, fields, button);
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", button);
        form.put("jakarta.faces.partial.execute", formId);
        form.put("jakarta.faces.partial.render", Html.ajaxUpdateOf(page.body(), button));
        return send(multipart(request(Html.actionOf(page.body(), formId).orElse(pagePath)), form, files)
                .header("Faces-Request", "partial/ajax"));
    }

    /** The fields a browser posts for a Faces form: the form's marker, its fields, the button, the view state. */
    private static Map<String, String> postback(
            HttpResponse<String> page, String pagePath, String formId, Map<String, String> fields, String button) {
        String viewState = viewStateOf(page.body())
                .orElseThrow(() -> new AssertionError("No Faces form on " + pagePath + ": " + page.statusCode()));
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        form.putAll(fields);
        form.put(button, "");
        form.put("jakarta.faces.ViewState", viewState);
        cspNonceOf(page.body()).ifPresent(nonce -> form.put("primefaces.nonce", nonce));
        return form;
    }

    /** A multipart/form-data POST with text fields and files. */
    public HttpResponse<String> postMultipart(
            String path, Map<String, String> fields, Map<String, List<FilePart>> files)
            throws IOException, InterruptedException {
        return send(multipart(request(path), fields, files));
    }

    private static HttpRequest.Builder multipart(
            HttpRequest.Builder request, Map<String, String> fields, Map<String, List<FilePart>> files) {
        Multipart body = new Multipart();
        fields.forEach(body::field);
        files.forEach((name, parts) -> parts.forEach(file -> body.file(name, file)));
        return body.postWith(request);
    }

    /**
     * Sends only the head of a POST that declares a body of {@code length} bytes, with this
     * client's credentials or session cookie, and reads the answer off the socket. The body never
     * comes: a server that waited for it would make this time out.
     */
    public HeadOnlyAnswer postHeadOnly(String path, String contentType, long length) throws IOException {
        URI server = URI.create(base);
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + server.getHost() + ":"
                    + server.getPort() + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n");
            if (basicAuthorization != null) {
                head.append("Authorization: ").append(basicAuthorization).append("\r\n");
            }
            sessionId()
                    .ifPresent(
                            id -> head.append("Cookie: JSESSIONID=").append(id).append("\r\n"));
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int status = Integer.parseInt(line(in).split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                headers.put(
                        header.substring(0, header.indexOf(':')).toLowerCase(Locale.ROOT),
                        header.substring(header.indexOf(':') + 1).strip());
            }
            byte[] body = new byte[Integer.parseInt(headers.get("content-length"))];
            in.readFully(body);
            return new HeadOnlyAnswer(status, headers.get("content-type"), new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String line(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("The server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** The status, type and body of an answer read off the socket. */
    public record HeadOnlyAnswer(int status, String contentType, String body) {}

    /** A file to upload. */
    public record FilePart(String fileName, String contentType, byte[] content) {

        /** A file of exactly {@code size} bytes. */
        public static FilePart ofSize(String fileName, int size) {
            byte[] content = new byte[size];
            java.util.Arrays.fill(content, (byte) 'x');
            return new FilePart(fileName, "application/octet-stream", content);
        }
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public HttpResponse<String> getJson(String path) throws IOException, InterruptedException {
        return send(request(path).header("Accept", "application/json").GET());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return observed(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Like {@link #send}, for an answer whose bytes matter (a downloaded file). */
    public HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return observed(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /**
     * Shows every answer this client receives from now on to the observer, also those of the
     * requests a form submission makes on its way (loading the page, then posting it).
     */
    public HelpdeskClient observingAnswers(Consumer<HttpResponse<?>> observer) {
        this.answerObserver = observer;
        return this;
    }

    private <T> HttpResponse<T> observed(HttpResponse<T> answer) {
        answerObserver.accept(answer);
        return answer;
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        path.startsWith("http") ? URI.create(path) : URI.create(base + path))
                .timeout(Duration.ofSeconds(60));
        if (basicAuthorization != null) {
            builder.header("Authorization", basicAuthorization);
        }
        if (acceptLanguage != null) {
            builder.header("Accept-Language", acceptLanguage);
        }
        return builder;
    }

    /** The current value of the session cookie, if there is one. */
    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue)
                .findFirst();
    }

    /** The nonce PrimeFaces' script adds to every form of the page as the hidden field primefaces.nonce. */
    public static Optional<String> cspNonceOf(String html) {
        return Html.cspNonceOf(html);
    }

    public static Optional<String> viewStateOf(String html) {
        return Html.viewStateOf(html);
    }
}

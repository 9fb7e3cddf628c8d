package org.helpdesk.it.support;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the HTTP tests look up in a page, read with an HTML parser (jsoup): elements by id, name or
 * selector, attribute values unescaped, whatever the attributes' order. Only the text of the pages'
 * scripts (JavaScript, not HTML) is searched with a pattern.
 */
public final class Html {

    private static final Pattern CSP_NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    private Html() {}

    public static Document parse(String html) {
        return Jsoup.parse(html);
    }

    public static Optional<String> viewStateOf(String html) {
        return Optional.ofNullable(parse(html).selectFirst("input[name=jakarta.faces.ViewState]"))
                .map(Element::val);
    }

    public static Optional<String> actionOf(String html, String formId) {
        return Optional.ofNullable(parse(html).getElementById(formId))
                .filter(form -> form.normalName().equals("form") && form.hasAttr("action"))
                .map(form -> form.attr("action"));
    }

    /** The nonce PrimeFaces' script adds to every form of the page as the hidden field primefaces.nonce. */
    public static Optional<String> cspNonceOf(String html) {
        return scriptsOf(html, CSP_NONCE).findFirst();
    }

    /**
     * What a PrimeFaces ajax button updates, as its script in the page says
     * ({@code PrimeFaces.ab({s:"...",...,u:"a,b"})}), separated by spaces as PrimeFaces' script sends it.
     */
    public static String ajaxUpdateOf(String html, String button) {
        return scriptsOf(html, Pattern.compile("s:\"" + Pattern.quote(button) + "\"[^}]*?u:\"([^\"]*)\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No ajax button " + button + " in the page"))
                .replace(',', ' ');
    }

    /** The first group of each match of {@code pattern} in the page's scripts and event attributes. */
    private static Stream<String> scriptsOf(String html, Pattern pattern) {
        Document page = parse(html);
        Stream<String> scripts = page.select("script").stream().map(Element::data);
        Stream<String> handlers = page.select("[onclick]").stream().map(e -> e.attr("onclick"));
        return Stream.concat(scripts, handlers).flatMap(text -> {
            Matcher matcher = pattern.matcher(text);
            return matcher.find() ? Stream.of(matcher.group(1)) : Stream.empty();
        });
    }
}

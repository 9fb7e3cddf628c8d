package org.helpdesk.it.support;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Faces partial response, the answer to a form sent by ajax: either a redirect to the next page,
 * or the updated parts of this one (each an {@code <update id="...">} with its HTML).
 */
public record PartialResponse(String xml) {

    private static final Pattern REDIRECT = Pattern.compile("<redirect url=\"([^\"]+)\"");
    private static final Pattern UPDATE =
            Pattern.compile("<update id=\"([^\"]+)\"><!\\[CDATA\\[(.*?)]]></update>", Pattern.DOTALL);

    /** The partial response of an answer; fails if the answer is something else. */
    public static PartialResponse of(HttpResponse<String> answer) {
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        if (answer.statusCode() != 200
                || !contentType.startsWith("text/xml")
                || !answer.body().contains("<partial-response")) {
            throw new AssertionError(
                    "Not a partial response: " + answer.statusCode() + " " + contentType + "\n" + answer.body());
        }
        return new PartialResponse(answer.body());
    }

    /** Where the page is sent next, with "&amp;" read as "&". */
    public Optional<String> redirect() {
        Matcher matcher = REDIRECT.matcher(xml);
        return matcher.find() ? Optional.of(matcher.group(1).replace("&amp;", "&")) : Optional.empty();
    }

    /** The client ids of the parts of the page that the response replaces, in order. */
    public List<String> updatedIds() {
        return UPDATE.matcher(xml).results().map(match -> match.group(1)).toList();
    }

    /** The new HTML of one updated part; fails if the response does not update it. */
    public String update(String clientId) {
        return UPDATE.matcher(xml)
                .results()
                .filter(match -> match.group(1).equals(clientId))
                .map(match -> match.group(2))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No update of " + clientId + " in " + updatedIds()));
    }
}

package org.helpdesk.it.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The checks every page passes, whoever looks at it:
 * <ul>
 * <li>axe-core finds nothing serious or critical (its findings of every impact are printed, one
 * line per page, so that the build output tells them);</li>
 * <li>every field a person can reach has an accessible name, and a field with a visible label is
 * named by that label (PrimeFaces' menus once named themselves after their chosen option);</li>
 * <li>a status is told in words, not by colour alone: each status badge, and the status banner,
 * reads as the status' name.</li>
 * </ul>
 */
final class Accessibility {

    /** The statuses' names in messages.properties. */
    static final Set<String> STATUS_WORDS = Set.of("Open", "In Progress", "Resolved", "Closed");

    private static final String FIELDS = "input:not([type=hidden]), select, textarea, [role=combobox]";

    private Accessibility() {}

    /** Checks the page the browser shows now; the name says which page it is in the report. */
    static void check(Browser browser, String page) {
        Axe.Report report = Axe.check(browser, page);
        System.out.println(report.summary());
        assertAll(
                page,
                () -> assertEquals(List.of(), report.seriousOrWorse(), "axe-core: serious or critical violations"),
                () -> assertEquals(List.of(), fieldsWithoutTheirLabel(browser), "fields without an accessible name"),
                () -> assertEquals(List.of(), statusesNotInWords(browser), "statuses told by colour alone"));
    }

    /** The fields a person can reach that have no name, or a name other than their visible label. */
    static List<String> fieldsWithoutTheirLabel(Browser browser) {
        List<String> problems = new ArrayList<>();
        for (WebElement field : browser.findAll(FIELDS)) {
            if (field.isDisplayed()
                    && !"true".equals(field.getDomAttribute("aria-hidden"))
                    && field.getAccessibleName().isBlank()) {
                problems.add(describe(field) + " has no accessible name");
            }
        }
        for (WebElement label : browser.findAll("label[for]")) {
            String text = label.getText().replace("*", "").strip();
            List<WebElement> targets = browser.findAll("[id='" + label.getDomAttribute("for") + "']");
            if (!text.isEmpty()
                    && !targets.isEmpty()
                    && targets.get(0).isDisplayed()
                    && !targets.get(0).getAccessibleName().contains(text)) {
                problems.add(describe(targets.get(0)) + " is labelled \"" + text + "\" but named \""
                        + targets.get(0).getAccessibleName() + "\"");
            }
        }
        return problems;
    }

    /** The status badges (hd:status) and banner whose words are not a status' name. */
    static List<String> statusesNotInWords(Browser browser) {
        List<String> problems = new ArrayList<>();
        for (WebElement badge : browser.findAll(".hd-status")) {
            if (!STATUS_WORDS.contains(badge.getText().strip())) {
                problems.add("status badge reads \"" + badge.getText() + "\"");
            }
        }
        for (WebElement banner : browser.findAll("#banner")) {
            if (STATUS_WORDS.stream().noneMatch(banner.getText()::startsWith)) {
                problems.add("status banner reads \"" + banner.getText() + "\"");
            }
        }
        return problems;
    }

    private static String describe(WebElement field) {
        String id = field.getDomAttribute("id");
        return field.getTagName() + (id == null ? "" : "#" + id);
    }
}

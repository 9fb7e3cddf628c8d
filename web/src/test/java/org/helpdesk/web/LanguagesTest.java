package org.helpdesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.RefusalMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The languages' bundles are whole: every refusal the code names has its words in English and in
 * German, with the same arguments; the German pages bundle has every text of the requester's
 * pages; the pages and the API offer the same languages.
 */
class LanguagesTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();

    /**
     * The keys of the staff and administration pages and of what only staff see on the ticket page
     * (the SLA clocks and their breaches), which are English only for now.
     */
    private static final Pattern STAFF_ONLY = Pattern.compile(
            "^(admin|queue|triage|sla|canned|dashboard|bulk|export)\\..*|^header\\.(queue|admin|cannedResponses|dashboard)$|^history\\.SLA_BREACHED$");

    /** Where the code names a refusal's key. */
    private static final List<Pattern> KEY_IN_CODE = List.of(
            Pattern.compile("RefusalMessage\\.of\\(\\s*\"([^\"]+)\""),
            Pattern.compile("message = \"\\{([^}]+)}\""),
            Pattern.compile("requireText\\([^;]*?\"([a-z]+(?:\\.[a-zA-Z]+)+)\"\\)"));

    @Test
    void theApiChoosesTheFirstLanguageItSpeaks() {
        assertEquals(Locale.GERMAN, Languages.preferred(List.of(Locale.FRENCH, Locale.GERMANY, Locale.ENGLISH)));
        assertEquals(Locale.ENGLISH, Languages.preferred(List.of(Locale.UK, Locale.GERMAN)));
        assertEquals(Locale.ENGLISH, Languages.preferred(List.of(Locale.FRENCH)));
        assertEquals(Locale.ENGLISH, Languages.preferred(List.of()));
    }

    @Test
    void thePagesOfferTheSameLanguagesAsTheApi() throws IOException {
        String facesConfig = Files.readString(PROJECT.resolve("web/src/main/webapp/WEB-INF/faces-config.xml"));
        Set<String> offered =
                new TreeSet<>(matches(Pattern.compile("<(?:default|supported)-locale>(\\w+)<"), facesConfig));

        assertEquals(
                Languages.SUPPORTED.stream().map(Locale::getLanguage).collect(Collectors.toCollection(TreeSet::new)),
                offered);
    }

    @Test
    void everyRefusalTheCodeNamesHasItsWordsInBothLanguages() throws IOException {
        Properties english = bundle("/org/helpdesk/common/refusals.properties");
        Properties german = bundle("/org/helpdesk/common/refusals_de.properties");
        Set<String> named = new TreeSet<>();
        for (Path sources : List.of(PROJECT.resolve("ejb/src/main/java"), PROJECT.resolve("web/src/main/java"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(file -> file.toString().endsWith(".java"))
                        .map(LanguagesTest::read)
                        .forEach(code -> KEY_IN_CODE.forEach(pattern -> named.addAll(matches(pattern, code))));
            }
        }

        assertTrue(named.size() > 60, "the scan found the keys: " + named);
        assertEquals(Set.of(), difference(named, english.stringPropertyNames()), "named in code, missing in English");
        assertEquals(english.stringPropertyNames(), german.stringPropertyNames(), "the German refusals");
        for (String key : english.stringPropertyNames()) {
            assertEquals(
                    arguments(english.getProperty(key)), arguments(german.getProperty(key)), key + ": its arguments");
        }
    }

    @Test
    void theGermanPagesBundleHasEveryTextOfTheRequestersPages() throws IOException {
        Properties english = bundle("/org/helpdesk/web/messages.properties");
        Properties german = bundle("/org/helpdesk/web/messages_de.properties");
        Set<String> requesters = english.stringPropertyNames().stream()
                .filter(key -> !STAFF_ONLY.matcher(key).matches())
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(Set.of(), difference(requesters, german.stringPropertyNames()), "missing in German");
        assertEquals(Set.of(), difference(german.stringPropertyNames(), english.stringPropertyNames()), "unknown keys");
        for (String key : german.stringPropertyNames()) {
            assertEquals(arguments(english.getProperty(key)), arguments(german.getProperty(key)), key);
        }
    }

    @Test
    void aRefusalIsPutIntoTheReadersLanguage() {
        InvalidInputException refusal = new InvalidInputException("text", RefusalMessage.of("text.tooLong", 20_000));

        assertEquals("The text has at most 20,000 characters.", refusal.getMessage());
        assertEquals("Der Text hat höchstens 20.000 Zeichen.", refusal.messageIn(Locale.GERMAN));
        assertEquals("The text has at most 20,000 characters.", refusal.messageIn(Locale.FRENCH));
    }

    /** The highest argument index a pattern uses, and how many formats it has. */
    private static List<Integer> arguments(String pattern) {
        MessageFormat format = new MessageFormat(pattern, Locale.ROOT);
        return List.of(format.getFormatsByArgumentIndex().length, format.getFormats().length);
    }

    private static Properties bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LanguagesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Set<String> difference(Set<String> all, Set<String> without) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(without);
        return rest;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

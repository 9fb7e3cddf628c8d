package org.helpdesk.mail;

import java.time.Duration;

/**
 * The application's mail settings: each a system property helpdesk.mail.*, else the environment
 * variable of the same name in capitals with underscores (helpdesk.mail.base-url:
 * HELPDESK_MAIL_BASE_URL), else the default (README, "Mail"). SMTP's and IMAP's host, port, TLS and
 * credentials are the mail session's (configure-mail.cli), not read here.
 */
public final class MailSettings {

    /** Whether this node's sender delivers the outbox; off, notifications only collect in it. */
    public static final String ENABLED = "helpdesk.mail.enabled";

    /** The address in front of /tickets/view/{id} in the links of the mails. */
    public static final String BASE_URL = "helpdesk.mail.base-url";

    /** The wait before the first retry of a failed mail; each further retry waits twice as long. */
    public static final String RETRY_INITIAL_SECONDS = "helpdesk.mail.retry-initial-seconds";

    /** The longest wait between two retries. */
    public static final String RETRY_MAX_SECONDS = "helpdesk.mail.retry-max-seconds";

    /** How long after it was written a mail that cannot be sent is given up (DEAD). */
    public static final String GIVE_UP_AFTER_SECONDS = "helpdesk.mail.give-up-after-seconds";

    /** How many mails one transaction of the sender claims. */
    public static final String BATCH_SIZE = "helpdesk.mail.batch-size";

    /**
     * Whether this node's fetcher reads replies from the mailbox; off, replies wait there. Host,
     * port, TLS and credentials are the mail session's IMAP server (configure-mail.cli).
     */
    public static final String IMAP_ENABLED = "helpdesk.mail.imap.enabled";

    /** The mailbox folder the replies arrive in. */
    public static final String IMAP_FOLDER = "helpdesk.mail.imap.folder";

    private MailSettings() {}

    public static boolean imapEnabled() {
        return Boolean.parseBoolean(setting(IMAP_ENABLED, "false"));
    }

    public static String imapFolder() {
        return setting(IMAP_FOLDER, "INBOX");
    }

    public static boolean enabled() {
        return Boolean.parseBoolean(setting(ENABLED, "false"));
    }

    public static String baseUrl() {
        String base = setting(BASE_URL, "http://127.0.0.1:8080").strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static Duration retryInitial() {
        return Duration.ofSeconds(number(RETRY_INITIAL_SECONDS, 30));
    }

    public static Duration retryMax() {
        return Duration.ofSeconds(number(RETRY_MAX_SECONDS, 3600));
    }

    public static Duration giveUpAfter() {
        return Duration.ofSeconds(number(GIVE_UP_AFTER_SECONDS, 86_400));
    }

    public static int batchSize() {
        return (int) Math.max(1, Math.min(500, number(BATCH_SIZE, 50)));
    }

    /**
     * The wait after the given number of failed attempts: initial × 2^(attempts − 1), at most the
     * maximum.
     */
    public static Duration backOff(int failedAttempts, Duration initial, Duration max) {
        int doublings = Math.max(0, Math.min(30, failedAttempts - 1));
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static long number(String property, long fallback) {
        String value = setting(property, "");
        if (value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(java.util.Locale.ROOT)
                    .replace('.', '_')
                    .replace('-', '_'));
        }
        return value == null ? fallback : value;
    }
}

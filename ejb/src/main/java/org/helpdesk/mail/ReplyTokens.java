package org.helpdesk.mail;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

/**
 * The secret of a notification's reply address, {@code helpdesk+<token>@domain}: 128 bits from
 * {@link SecureRandom}, one per outbox row (mail_outbox.reply_token, V7), made when the row is
 * written, so that it cannot be guessed and is committed before any mail carries it. The token
 * names the ticket and the person the mail went to; nothing else about a reply is trusted.
 */
public final class ReplyTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The token after the '+' of the local part: exactly 32 hexadecimal digits. */
    private static final Pattern IN_ADDRESS = Pattern.compile("\\+([0-9a-f]{32})@", Pattern.CASE_INSENSITIVE);

    /** The ticket and the person a token was given to. */
    public record Owner(long ticketId, long userId) {}

    private ReplyTokens() {}

    /** A new token: 32 lower-case hexadecimal digits. */
    static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The reply address for the token: the sender address with {@code +token} after its local part. */
    static String replyAddress(String from, String token) {
        int at = from.lastIndexOf('@');
        return at < 0 ? from + "+" + token : from.substring(0, at) + "+" + token + from.substring(at);
    }

    /** The token in a recipient address such as helpdesk+abc…@domain, if there is one. */
    public static Optional<String> tokenIn(String address) {
        Matcher matcher = IN_ADDRESS.matcher(address == null ? "" : address);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** Whom the token was given to; empty for a token nobody was given. */
    public static Optional<Owner> owner(EntityManager em, String token) {
        return em.createNativeQuery("SELECT ticket_id, recipient_id FROM mail_outbox WHERE reply_token = ?")
                .setParameter(1, token.toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst()
                .map(row -> {
                    Object[] columns = (Object[]) row;
                    return new Owner(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue());
                });
    }
}

package org.helpdesk.mail;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

/**
 * The secret of a ticket's reply address: {@code helpdesk+<token>@domain}, one token per (ticket,
 * recipient) in mail_reply_token, 128 bits from {@link SecureRandom}, so it cannot be guessed.
 */
public final class ReplyTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern IN_ADDRESS = Pattern.compile("\\+([0-9a-f]{32})@", Pattern.CASE_INSENSITIVE);

    /** The ticket and the person a token was given to. */
    public record Owner(long ticketId, long userId) {}

    private ReplyTokens() {}

    /** The token of (ticket, user), made and stored on first use, in the caller's transaction. */
    static String tokenFor(EntityManager em, long ticketId, long userId) {
        Optional<String> known = em.createNativeQuery(
                        "SELECT token FROM mail_reply_token WHERE ticket_id = ? AND user_id = ?")
                .setParameter(1, ticketId)
                .setParameter(2, userId)
                .getResultStream()
                .findFirst()
                .map(String::valueOf);
        if (known.isPresent()) {
            return known.get();
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        em.createNativeQuery("INSERT INTO mail_reply_token (token, ticket_id, user_id, created_at) VALUES (?, ?, ?, ?)")
                .setParameter(1, token)
                .setParameter(2, ticketId)
                .setParameter(3, userId)
                .setParameter(4, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .executeUpdate();
        return token;
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
        return em.createNativeQuery("SELECT ticket_id, user_id FROM mail_reply_token WHERE token = ?")
                .setParameter(1, token)
                .getResultStream()
                .findFirst()
                .map(row -> {
                    Object[] columns = (Object[]) row;
                    return new Owner(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue());
                });
    }
}

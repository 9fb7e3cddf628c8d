package org.helpdesk.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;

import org.helpdesk.attachment.AttachmentLimits;

/**
 * A fetched message as the replies need it: its Message-ID, sender, reply token, whether it is
 * automatic (an auto-reply or a bounce), the new text without quoted history and signature, and
 * its files, read into memory up to Rule 5's limit (a larger one is only noted).
 */
public record InboundMail(
        String messageId,
        String sender,
        Optional<String> token,
        boolean automatic,
        String text,
        List<InboundFile> files,
        List<String> overLimit) {

    /** A file of the message within the size limit. */
    public record InboundFile(String fileName, String contentType, byte[] bytes) {}

    private static final Pattern WROTE =
            Pattern.compile("^\\s*(On\\s.*|Am\\s.*|Le\\s.*)(wrote|schrieb|écrit)\\s*:\\s*$");
    private static final Pattern ORIGINAL = Pattern.compile(
            "^\\s*(-{2,}\\s*Original Message\\s*-{2,}|_{5,}|-{5,}\\s*Forwarded message.*)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\s*From:\\s.*$");
    private static final Pattern REPLY_ABOVE =
            Pattern.compile("^.*(reply above this line).*$", Pattern.CASE_INSENSITIVE);

    /** Reads the message. */
    public static InboundMail of(Message message) throws MessagingException, IOException {
        String messageId = first(message, "Message-ID");
        if (messageId == null || messageId.isBlank()) {
            messageId = "<sha256-" + digest(message) + "@helpdesk.inbound>";
        }
        String sender = null;
        Address[] from = message.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
            sender = address.getAddress();
        }
        Optional<String> token = Optional.empty();
        Address[] recipients = message.getAllRecipients();
        if (recipients != null) {
            for (Address recipient : recipients) {
                if (recipient instanceof InternetAddress address) {
                    token = ReplyTokens.tokenIn(address.getAddress());
                    if (token.isPresent()) {
                        break;
                    }
                }
            }
        }
        if (token.isEmpty()) {
            token = ReplyTokens.tokenIn(first(message, "Delivered-To"));
        }
        boolean automatic = isAutomatic(message, sender);
        List<InboundFile> files = new ArrayList<>();
        List<String> overLimit = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        if (!automatic) {
            walk(message, plain, html, files, overLimit);
        }
        String text = plain.length() > 0 ? plain.toString() : htmlToText(html.toString());
        return new InboundMail(messageId.strip(), sender, token, automatic, stripQuotes(text), files, overLimit);
    }

    /** Auto-replies and bounces (RFC 3834, RFC 3464): never answered, never posted. */
    static boolean isAutomatic(Message message, String sender) throws MessagingException {
        String autoSubmitted = first(message, "Auto-Submitted");
        if (autoSubmitted != null
                && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        String precedence = first(message, "Precedence");
        if (precedence != null && Pattern.matches("(?i)\\s*(bulk|junk|list|auto_reply)\\s*", precedence)) {
            return true;
        }
        if (first(message, "X-Autoreply") != null || first(message, "X-Autorespond") != null) {
            return true;
        }
        String returnPath = first(message, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return true;
        }
        if (sender == null || sender.isBlank()) {
            return true;
        }
        String local = sender.substring(0, Math.max(0, sender.indexOf('@'))).toLowerCase(Locale.ROOT);
        if (local.equals("mailer-daemon") || local.equals("postmaster")) {
            return true;
        }
        return message.isMimeType("multipart/report");
    }

    private static void walk(
            Part part, StringBuilder plain, StringBuilder html, List<InboundFile> files, List<String> overLimit)
            throws MessagingException, IOException {
        String disposition = part.getDisposition();
        String fileName = part.getFileName();
        boolean attachment = fileName != null || Part.ATTACHMENT.equalsIgnoreCase(disposition);
        if (part.isMimeType("multipart/*") && !attachment) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                walk(body, plain, html, files, overLimit);
            }
        } else if (attachment) {
            String name = fileName == null ? "attachment" : fileName;
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = in.readNBytes((int) AttachmentLimits.MAX_FILE_BYTES + 1);
                if (bytes.length > AttachmentLimits.MAX_FILE_BYTES) {
                    overLimit.add(name);
                } else {
                    String type = part.getContentType() == null
                            ? null
                            : part.getContentType().split(";")[0].strip();
                    files.add(new InboundFile(name, type, bytes));
                }
            }
        } else if (part.isMimeType("text/plain") && plain.length() == 0) {
            plain.append(String.valueOf(part.getContent()));
        } else if (part.isMimeType("text/html") && html.length() == 0) {
            html.append(String.valueOf(part.getContent()));
        }
    }

    /**
     * The new text of a reply: everything above the first "On … wrote:" line, "Original Message"
     * separator, Outlook "From:" header block or "reply above this line" marker; lines quoted with
     * '>' dropped; the signature after the "-- " delimiter dropped.
     */
    static String stripQuotes(String text) {
        List<String> kept = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (line.equals("-- ") || line.equals("--")) {
                break;
            }
            if (WROTE.matcher(line).matches()
                    || ORIGINAL.matcher(line).matches()
                    || REPLY_ABOVE.matcher(line).matches()
                    || (OUTLOOK_FROM.matcher(line).matches()
                            && !kept.isEmpty()
                            && kept.get(kept.size() - 1).isBlank())) {
                break;
            }
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            kept.add(line);
        }
        return String.join("\n", kept).strip();
    }

    private static String htmlToText(String html) {
        String text = html.replaceAll("(?is)<(script|style|blockquote)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")
                .replaceAll("<[^>]*>", "");
        return text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String first(Message message, String header) throws MessagingException {
        String[] values = message.getHeader(header);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String digest(Message message) throws MessagingException, IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            message.writeTo(out);
            return HexFormat.of().formatHex(sha.digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

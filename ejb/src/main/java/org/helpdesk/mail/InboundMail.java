package org.helpdesk.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;

import org.helpdesk.attachment.AttachmentLimits;

/**
 * A fetched message as the replies need it: its Message-ID, sender, reply token, whether it is
 * automatic (an auto-reply or a bounce), the new text without quoted history and signature, and
 * its files, read up to Rule 5's limit (a larger one is only named, never kept). Pure parsing: it
 * decides nothing about tickets.
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

    /** "On Fri, 4 Dec 2026, Helpdesk <…> wrote:" and its German and French forms. */
    private static final Pattern WROTE =
            Pattern.compile("^\\s*(On|Am|Le)\\s.*\\b(wrote|schrieb|a écrit)\\b.*:\\s*$", Pattern.CASE_INSENSITIVE);

    private static final Pattern STARTS_WROTE = Pattern.compile("^\\s*(On|Am|Le)\\s.*", Pattern.CASE_INSENSITIVE);

    private static final Pattern ORIGINAL = Pattern.compile(
            "^\\s*(-{2,}\\s*Original Message\\s*-{2,}|_{5,}|-{5,}\\s*Forwarded message.*|Begin forwarded message:)\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** The header block Outlook puts above the quoted mail, after a blank line. */
    private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\s*(From|Von|De)\\s*:\\s.*$");

    private static final Pattern MOBILE_SIGNATURE =
            Pattern.compile("^\\s*(Sent from my |Sent from Outlook|Get Outlook for ).*$", Pattern.CASE_INSENSITIVE);

    private static final Pattern PRECEDENCE_AUTOMATIC =
            Pattern.compile("\\s*(bulk|junk|list|auto_reply)\\s*", Pattern.CASE_INSENSITIVE);

    /** Reads the message. */
    public static InboundMail of(Message message) throws MessagingException, IOException {
        String messageId = first(message, "Message-ID");
        if (messageId == null || messageId.isBlank()) {
            // No Message-ID: its content names it, so that fetching it again is still a duplicate.
            messageId = "<sha256-" + digest(message) + "@helpdesk.inbound>";
        }
        String sender = null;
        Address[] from = message.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
            sender = address.getAddress();
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
        return new InboundMail(
                messageId.strip(),
                sender,
                tokenOf(message),
                automatic,
                stripQuotes(text.replace("\0", "")),
                List.copyOf(files),
                List.copyOf(overLimit));
    }

    /** The reply token in a recipient address (To, Cc) or in the delivery headers of the mailbox. */
    static Optional<String> tokenOf(Message message) throws MessagingException {
        Address[] recipients = message.getAllRecipients();
        if (recipients != null) {
            for (Address recipient : recipients) {
                if (recipient instanceof InternetAddress address) {
                    Optional<String> token = ReplyTokens.tokenIn(address.getAddress());
                    if (token.isPresent()) {
                        return token;
                    }
                }
            }
        }
        for (String header : List.of("Delivered-To", "X-Original-To", "Envelope-To")) {
            Optional<String> token = ReplyTokens.tokenIn(first(message, header));
            if (token.isPresent()) {
                return token;
            }
        }
        return Optional.empty();
    }

    /**
     * Auto-replies and bounces (RFC 3834 Auto-Submitted, Precedence, the null sender of RFC 5321
     * as Return-Path: &lt;&gt;, delivery reports of RFC 3464): never answered, never posted.
     */
    static boolean isAutomatic(Message message, String sender) throws MessagingException {
        String autoSubmitted = first(message, "Auto-Submitted");
        if (autoSubmitted != null
                && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        String precedence = first(message, "Precedence");
        if (precedence != null && PRECEDENCE_AUTOMATIC.matcher(precedence).matches()) {
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
                walk(multipart.getBodyPart(i), plain, html, files, overLimit);
            }
        } else if (attachment) {
            if (Part.INLINE.equalsIgnoreCase(disposition) && header(part, "Content-ID") != null) {
                // An image embedded in the HTML (a logo in a signature): part of the text, not a file.
                return;
            }
            String name = fileName == null ? "attachment" : fileName;
            if (surelyOverLimit(part)) {
                overLimit.add(name);
                return;
            }
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = in.readNBytes((int) AttachmentLimits.MAX_FILE_BYTES + 1);
                if (bytes.length > AttachmentLimits.MAX_FILE_BYTES) {
                    overLimit.add(name);
                } else if (bytes.length > 0) {
                    String type = part.getContentType() == null
                            ? null
                            : part.getContentType().split(";")[0].strip();
                    files.add(new InboundFile(name, type, bytes));
                }
            }
        } else if (part.isMimeType("text/plain") && plain.length() == 0) {
            plain.append(part.getContent());
        } else if (part.isMimeType("text/html") && html.length() == 0) {
            html.append(part.getContent());
        }
    }

    /**
     * Whether the part's encoded size alone (IMAP's BODYSTRUCTURE, without reading it) shows a file
     * over the limit: base64 carries 3 bytes in 4 characters, with a line break (CRLF) after at
     * most 76; counted here as if after every 60, so that no file within the limit is refused by
     * this estimate. Otherwise the file is read up to the limit to tell.
     */
    static boolean surelyOverLimit(Part part) throws MessagingException {
        int encoded = part.getSize();
        String[] encoding = part.getHeader("Content-Transfer-Encoding");
        boolean base64 =
                encoding != null && encoding.length > 0 && encoding[0].strip().equalsIgnoreCase("base64");
        return base64 && encoded > 0 && (long) encoded * 60 / 62 * 3 / 4 > AttachmentLimits.MAX_FILE_BYTES;
    }

    /**
     * The new text of a reply: everything above the first "On … wrote:" line (also when the mail
     * client wrapped it over two lines), "Original Message" or forwarding separator, or the header
     * block Outlook puts after a blank line; lines quoted with '>' dropped; the signature after the
     * "-- " delimiter (RFC 3676) and a mobile "Sent from my …" line dropped.
     */
    static String stripQuotes(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals("-- ") || line.equals("--")) {
                break;
            }
            boolean wroteOverTwoLines = i + 1 < lines.length
                    && STARTS_WROTE.matcher(line).matches()
                    && WROTE.matcher(line.strip() + " " + lines[i + 1].strip()).matches();
            if (WROTE.matcher(line).matches()
                    || wroteOverTwoLines
                    || ORIGINAL.matcher(line).matches()
                    || MOBILE_SIGNATURE.matcher(line).matches()
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

    static String htmlToText(String html) {
        String text = html.replaceAll("(?is)<(script|style|blockquote|head)[^>]*>.*?</\\1>", "")
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

    private static String header(Part part, String header) throws MessagingException {
        String[] values = part.getHeader(header);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String digest(Message message) throws MessagingException, IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return HexFormat.of().formatHex(sha.digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

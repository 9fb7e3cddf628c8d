package org.helpdesk.mail;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InboundMailTest {

    @Test
    void theSignatureAndTheQuotedHistoryAreStripped() {
        assertEquals(
                "Still jams.\nSince Monday.",
                InboundMail.stripQuotes("Still jams.\r\nSince Monday.\r\n\r\n-- \r\nAlice\r\n\r\n"
                        + "On Fri, 4 Dec 2026 at 10:00, Helpdesk <helpdesk@x> wrote:\r\n> We received it.\r\n"));
        assertEquals(
                "Posted once.",
                InboundMail.stripQuotes(
                        "Posted once.\n\nOn Fri, 4 Dec 2026 at 10:00, Helpdesk\n<helpdesk+ab@x> wrote:\n> old"));
        assertEquals(
                "On it.",
                InboundMail.stripQuotes("On it.\n\n________________________________\nFrom: Helpdesk\nSent: Friday"));
        assertEquals(
                "On it.", InboundMail.stripQuotes("On it.\n\nFrom: Helpdesk <helpdesk@x>\nSent: Friday\n\nold text"));
        assertEquals("On it.", InboundMail.stripQuotes("On it.\n-----Original Message-----\nold"));
        assertEquals("On it.", InboundMail.stripQuotes("On it.\n\nSent from my phone"));
        assertEquals("Am Freitag.", InboundMail.stripQuotes("Am Freitag.\n\nAm 4. Dez. 2026 schrieb Helpdesk:\n> alt"));
        assertEquals("a\nb", InboundMail.stripQuotes("> quoted\na\n> inline quote\nb"));
    }

    @Test
    void aLineThatOnlyStartsLikeAQuoteHeaderIsKept() {
        assertEquals(
                "On Monday the printer broke.\nIt still is.",
                InboundMail.stripQuotes("On Monday the printer broke.\nIt still is."));
        assertEquals("From: the front desk, it jams.", InboundMail.stripQuotes("From: the front desk, it jams."));
    }

    @Test
    void htmlBecomesTextWithoutTheQuotedBlock() {
        String text = InboundMail.htmlToText("<html><head><style>p{}</style></head><body><p>Fixed &amp; done</p>"
                + "<blockquote>old &lt;text&gt;</blockquote></body></html>");
        assertEquals("Fixed & done", InboundMail.stripQuotes(text));
    }

    @Test
    void theTokenIsReadFromTheReplyAddressOnly() {
        String token = "0123456789abcdef0123456789ABCDEF";
        assertEquals(Optional.of(token.toLowerCase()), ReplyTokens.tokenIn("helpdesk+" + token + "@helpdesk.test"));
        assertEquals(Optional.empty(), ReplyTokens.tokenIn("helpdesk@helpdesk.test"));
        assertEquals(Optional.empty(), ReplyTokens.tokenIn("helpdesk+0123@helpdesk.test"));
        assertEquals(Optional.empty(), ReplyTokens.tokenIn(null));
        assertEquals("helpdesk+" + token + "@helpdesk.test", ReplyTokens.replyAddress("helpdesk@helpdesk.test", token));
    }

    @Test
    void newTokensAreLongAndDifferent() {
        String one = ReplyTokens.newToken();
        assertTrue(one.matches("[0-9a-f]{32}"), one);
        assertTrue(!one.equals(ReplyTokens.newToken()));
    }
}

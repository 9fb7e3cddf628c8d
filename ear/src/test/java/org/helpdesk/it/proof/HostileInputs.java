package org.helpdesk.it.proof;

import java.util.ArrayList;
import java.util.List;

/** The generated hostile values: texts, JSON bodies, query values and files. */
final class HostileInputs {

    private HostileInputs() {}

    /** Texts that try to break escaping, queries, encodings and limits. */
    static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of(
                "<script>alert('x')</script>",
                "\"><img src=x onerror=alert(1)>",
                "<svg/onload=alert(1)>",
                "javascript:alert(1)",
                "<a href=\"javascript:alert(1)\">click</a>",
                "</textarea><script>alert(2)</script>",
                "{{7*7}} ${7*7} #{7*7} #{facesContext}",
                "<!--#exec cmd=\"ls\"-->",
                "' OR '1'='1",
                "'; DROP TABLE ticket; --",
                "\" OR \"\"=\"",
                "1; SELECT * FROM app_user",
                "%' OR 1=1 --",
                "_%_%\\",
                "SELECT t FROM Ticket t WHERE 1=1",
                ":callerId OR t.id > 0",
                "\u202Eevil\u202C right-to-left override",
                "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
                "zero\u200Bwidth\u200Cjoiner\u200D\uFEFF",
                "emoji \uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDCBB\uD83C\uDDE9\uD83C\uDDEA",
                "combining e\u0301\u0301\u0301\u0301",
                "lone high surrogate \uD83D",
                "lone low surrogate \uDE00",
                "nul \u0000 byte",
                "control \u0001\u0007\u001B[31m chars",
                "tab\tnewline\ncarriage\rreturn",
                "",
                " ",
                "\t\n \u00A0",
                "a".repeat(200),
                "a".repeat(201),
                "x".repeat(20_000),
                "x".repeat(20_001),
                "y".repeat(100_000),
                "\\u0000 \\n escaped",
                "null",
                "undefined",
                "0",
                "-1",
                "\u0000"));
        return texts;
    }

    /** Request bodies that are not the JSON the API asks for. */
    static List<String> malformedJson() {
        List<String> bodies = new ArrayList<>(List.of(
                "",
                " ",
                "{",
                "}",
                "[]",
                "null",
                "\"just a string\"",
                "42",
                "{\"subject\":}",
                "{\"subject\":\"a\",}",
                "{'subject':'single quotes'}",
                "{\"subject\":\"a\" \"details\":\"b\"}",
                "{\"subject\":\"unterminated",
                "{\"subject\":\"\\x41\"}",
                "{\"subject\":\"bad escape \\q\"}",
                "<xml>not json</xml>",
                "subject=a&details=b",
                "\u0000{}"));
        bodies.add("[".repeat(10_000) + "]".repeat(10_000));
        bodies.add("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
        bodies.add("{\"subject\":\"" + "z".repeat(2_000_000) + "\"}");
        return bodies;
    }

    /** Create bodies with wrong types and unknown values, field by field. */
    static List<String> wrongTypes() {
        return List.of(
                "{\"subject\":123,\"details\":\"d\",\"urgency\":\"low\",\"locationId\":1}",
                "{\"subject\":[\"a\"],\"details\":\"d\",\"urgency\":\"low\",\"locationId\":1}",
                "{\"subject\":{\"x\":1},\"details\":\"d\",\"urgency\":\"low\",\"locationId\":1}",
                "{\"subject\":\"s\",\"details\":true,\"urgency\":\"low\",\"locationId\":1}",
                "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"urgent\",\"locationId\":1}",
                "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":5,\"locationId\":1}",
                "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"LOW \",\"locationId\":1}",
                "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"\",\"locationId\":1}",
                "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"low\",\"locationId\":\"one\"}",
                "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"low\",\"locationId\":1.5}",
                "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"low\",\"locationId\":-1}",
                "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"low\",\"locationId\":99999999999999999999}",
                "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"low\",\"locationId\":null}",
                "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"low\",\"locationId\":2}",
                "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"low\",\"locationId\":1,\"status\":\"closed\"}",
                "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"low\",\"locationId\":1,\"id\":1,\"requester\":{\"id\":5}}",
                "{\"subject\":null,\"details\":null,\"urgency\":null,\"locationId\":null}",
                "{}");
    }

    /** Values for the list's query parameters. */
    static List<String> queryValues() {
        return List.of(
                "-1",
                "0",
                "1",
                "101",
                "2147483648",
                "99999999999999999999",
                "1e3",
                "abc",
                "",
                "%00",
                "%27",
                "%3Cscript%3E",
                "1;DROP",
                "%E2%80%AE",
                "%F0%9F%98%80",
                "%ED%A0%80",
                "%FF%FE");
    }
}

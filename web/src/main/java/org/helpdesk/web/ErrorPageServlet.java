package org.helpdesk.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.helpdesk.web.security.PasswordChangeGate;
import org.helpdesk.web.security.SecurityLog;

/**
 * The container's error page (web.xml) for every error status. The API's callers get the API's
 * one error shape, problem details; people get a page of the shared template. Never a stack trace.
 */
@WebServlet(name = "ErrorPage", urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/error";

    private static final long serialVersionUID = 1L;

    private static final Map<Integer, String> CODES = Map.of(
            400, "BAD_REQUEST",
            401, "UNAUTHORIZED",
            403, "FORBIDDEN",
            404, "NOT_FOUND",
            405, "METHOD_NOT_ALLOWED",
            413, "PAYLOAD_TOO_LARGE",
            415, "UNSUPPORTED_MEDIA_TYPE",
            429, "TOO_MANY_REQUESTS",
            503, "SIGN_IN_UNAVAILABLE");

    private static final Map<Integer, String> DETAILS = Map.of(
            401, "Sign in with HTTP Basic credentials.",
            403, "You do not have permission for this action.",
            404, "Not found",
            413, "The request is larger than allowed.",
            429,
                    "Too many failed sign-ins for this user name or from this address: try again after the"
                            + " seconds in Retry-After.",
            503, "Sign-in is unavailable: the directory cannot be reached. Please try again later.");

    private static final Map<Integer, String> PAGES = Map.of(
            403, "/WEB-INF/errors/403.xhtml",
            404, "/WEB-INF/errors/404.xhtml",
            413, "/WEB-INF/errors/413.xhtml");

    private static final String PASSWORD_CHANGE_DETAIL =
            "Your password is temporary: sign in on the pages and change it at /account/password first.";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code ? code : HttpServletResponse.SC_NOT_FOUND;
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (status == HttpServletResponse.SC_FORBIDDEN) {
            SecurityLog.refused(
                    request,
                    request.getAttribute(PasswordChangeGate.REFUSED) != null
                            ? "password-change-required"
                            : "not-permitted");
        }
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            if (status == HttpServletResponse.SC_FORBIDDEN
                    && request.getAttribute(PasswordChangeGate.REFUSED) != null) {
                writeProblem(response, status, "PASSWORD_CHANGE_REQUIRED", PASSWORD_CHANGE_DETAIL);
                return;
            }
            writeProblem(response, status);
        } else {
            request.getRequestDispatcher(PAGES.getOrDefault(status, "/WEB-INF/errors/500.xhtml"))
                    .forward(request, response);
        }
    }

    private static void writeProblem(HttpServletResponse response, int status) throws IOException {
        String code = CODES.getOrDefault(status, status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST");
        String detail = DETAILS.getOrDefault(
                status,
                status >= 500
                        ? "The request could not be completed. Nothing was changed."
                        : "The request was not understood.");
        writeProblem(response, status, code, detail);
    }

    private static void writeProblem(HttpServletResponse response, int status, String code, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title(status) + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\",\"errors\":[]}");
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
    }
}

package org.helpdesk.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API's root. Authentication: HTTP Basic, or the browser's signed-in session. */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {
}

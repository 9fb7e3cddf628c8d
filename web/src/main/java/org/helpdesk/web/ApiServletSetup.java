package org.helpdesk.web;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.ServletInfo;
import org.helpdesk.api.ApiApplication;
import org.helpdesk.api.RequestSizeLimit;

/**
 * Gives the REST API's servlet, which WildFly creates for {@link ApiApplication}, a multipart
 * configuration, so that the servlet container parses the API's multipart requests (the API's
 * FormParts) as it does the pages' forms (web.xml): at most 51 MB; parts beyond 64 KB in
 * temporary files that the container deletes when the request ends, whatever its outcome.
 * <p>
 * Undertow's own hook (registered in META-INF/services), because the portable ways do not reach
 * that servlet: WildFly replaces a web.xml servlet named after the Application class, and drops
 * its multipart-config. Jakarta REST's {@code EntityPart} was tried first: RESTEasy's reader
 * behind it left the temporary files of a refused or broken upload on disk, even after garbage
 * collection.
 */
public class ApiServletSetup implements ServletExtension {

    private static final int IN_MEMORY_BYTES = 64 * 1024;

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        ServletInfo api = deployment.getServlets().get(ApiApplication.class.getName());
        if (api == null) {
            // Without it every file upload of the API would fail: better not to deploy at all.
            throw new IllegalStateException("No servlet named " + ApiApplication.class.getName()
                    + " for the REST API: its multipart configuration cannot be set");
        }
        api.setMultipartConfig(new MultipartConfigElement("", -1, RequestSizeLimit.MULTIPART_LIMIT, IN_MEMORY_BYTES));
    }
}

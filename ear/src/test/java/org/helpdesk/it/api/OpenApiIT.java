package org.helpdesk.it.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.classloader.ShrinkWrapClassLoader;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document that WildFly serves at /openapi describes exactly the API that the built
 * EAR exposes: every resource method of org.helpdesk.api (found by reflection over the WAR's
 * classes), each with a summary and an example for each of its answers.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

    private static final String CLASSES = "/WEB-INF/classes";
    private static final String API_PACKAGE = CLASSES + "/org/helpdesk/api/";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    private static JsonObject document() throws Exception {
        HttpResponse<String> response = HelpdeskClient.anonymous().get("/openapi?format=JSON");
        assertEquals(200, response.statusCode(), response.body());
        return ApiClient.object(response);
    }

    /** "METHOD /path" of every operation in the document. */
    private static Set<String> documentedOperations(JsonObject document) {
        Set<String> operations = new TreeSet<>();
        document.getJsonObject("paths")
                .forEach((path, item) -> item.asJsonObject().keySet().stream()
                        .filter(key -> Set.of("get", "put", "post", "delete", "patch", "head", "options")
                                .contains(key))
                        .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    /** "METHOD /path" of every resource method in the built WAR's org.helpdesk.api package. */
    private static Set<String> resourceMethods() throws Exception {
        WebArchive war = Deployments.helpdesk().getAsType(WebArchive.class, "helpdesk-web.war");
        JavaArchive classes = ShrinkWrap.create(JavaArchive.class, "classes.jar");
        war.getContent(Filters.include(CLASSES + "/.*\\.class"))
                .forEach((path, node) -> classes.add(node.getAsset(), path.get().substring(CLASSES.length())));
        Set<String> methods = new TreeSet<>();
        try (ShrinkWrapClassLoader loader = new ShrinkWrapClassLoader(OpenApiIT.class.getClassLoader(), classes)) {
            String root = loader.loadClass("org.helpdesk.api.ApiApplication")
                    .getAnnotation(ApplicationPath.class)
                    .value();
            Map<ArchivePath, Node> apiClasses = war.getContent(Filters.include(API_PACKAGE + "[^/$]+\\.class"));
            for (ArchivePath path : apiClasses.keySet()) {
                String name = path.get()
                        .substring(CLASSES.length() + 1)
                        .replace('/', '.')
                        .replace(".class", "");
                Class<?> type = loader.loadClass(name);
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String httpMethod = httpMethodOf(method);
                    if (httpMethod != null) {
                        Path methodPath = method.getAnnotation(Path.class);
                        methods.add(httpMethod + " "
                                + template(root + "/" + classPath.value()
                                        + (methodPath == null ? "" : "/" + methodPath.value())));
                    }
                }
            }
        }
        return methods;
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    /** The path as OpenAPI writes it: single slashes, and {id} for a template with a pattern {id: \d+}. */
    private static String template(String path) {
        return path.replaceAll("/+", "/")
                .replaceAll("\\{\\s*(\\w+)\\s*:[^/]*}", "{$1}")
                .replaceAll("/$", "");
    }

    /** A response, or the component it refers to. */
    private static JsonObject resolved(JsonObject document, JsonObject response) {
        if (!response.containsKey("$ref")) {
            return response;
        }
        String name = response.getString("$ref").substring("#/components/responses/".length());
        return document.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
    }

    @Test
    void theDocumentListsEveryResourceMethodOfTheApplicationAndNothingElse() throws Exception {
        Set<String> inCode = resourceMethods();

        assertTrue(inCode.contains("PUT /api/v1/tickets/{id}/status"), "the reflection finds the resources: " + inCode);
        assertEquals(inCode, documentedOperations(document()));
    }

    @Test
    void everyOperationHasASummaryAndAnExampleForEachAnswer() throws Exception {
        JsonObject document = document();

        document.getJsonObject("paths")
                .forEach((path, item) -> item.asJsonObject().forEach((method, value) -> {
                    if (value.getValueType() != JsonValue.ValueType.OBJECT
                            || !value.asJsonObject().containsKey("responses")) {
                        return;
                    }
                    JsonObject operation = value.asJsonObject();
                    String where = method + " " + path;
                    assertFalse(operation.getString("summary", "").isBlank(), where + " has a summary");
                    operation.getJsonObject("responses").forEach((status, response) -> {
                        JsonObject content =
                                resolved(document, response.asJsonObject()).getJsonObject("content");
                        assertTrue(
                                content != null
                                        && content.values().stream()
                                                .allMatch(media ->
                                                        media.asJsonObject().containsKey("examples")),
                                where + " " + status + " has an example");
                    });
                    assertTrue(operation.getJsonObject("responses").containsKey("401"), where + " documents 401");
                }));
    }

    @Test
    void theErrorAnswersAreProblemDetailsWithTheirCodes() throws Exception {
        JsonObject responses = document().getJsonObject("components").getJsonObject("responses");

        Map<String, String> codes = Map.of(
                "ValidationFailed",
                "VALIDATION_FAILED",
                "Unauthorized",
                "UNAUTHORIZED",
                "Forbidden",
                "FORBIDDEN",
                "TicketNotFound",
                "NOT_FOUND",
                "Conflict",
                "CONFLICT",
                "PreconditionFailed",
                "PRECONDITION_FAILED",
                "PayloadTooLarge",
                "PAYLOAD_TOO_LARGE");
        codes.forEach((name, code) -> {
            JsonObject problem =
                    responses.getJsonObject(name).getJsonObject("content").getJsonObject("application/problem+json");
            assertTrue(problem.getJsonObject("schema").getString("$ref").endsWith("/Problem"), name);
            assertEquals(
                    code,
                    problem.getJsonObject("examples")
                            .values()
                            .iterator()
                            .next()
                            .asJsonObject()
                            .getJsonObject("value")
                            .getString("code"),
                    name);
        });
    }
}

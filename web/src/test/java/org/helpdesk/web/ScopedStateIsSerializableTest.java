package org.helpdesk.web;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;

import org.helpdesk.web.tickets.ViewTicketBacking;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions replicate across cluster nodes (web.xml is distributable), and the view- and
 * session-scoped beans live in the session. Every field such a bean keeps must therefore be
 * Serializable all the way down: records by their components, collections by their elements.
 * Injected fields are the container's serializable proxies when they name an EJB, an interface of
 * the application or a bean of a normal scope. An interface of the platform is not enough: Jakarta
 * Security's {@code SecurityContext} is a dependent object in WildFly that holds Elytron's
 * integration, and a view-scoped bean keeping it broke every session's replication (found by
 * ClusterIT: views expired after a failover and a restarted node could not receive the sessions);
 * such a field must be transient. A field added later that could not replicate fails the build here.
 */
class ScopedStateIsSerializableTest {

    @Test
    void everyFieldOfEveryViewAndSessionScopedBeanReplicates() throws Exception {
        List<Class<?>> scopedBeans = scopedBeans();
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : scopedBeans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            for (Field field : bean.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || isProxied(field)) {
                    continue;
                }
                String problem = problemOf(field.getGenericType(), new ArrayList<>());
                if (problem != null) {
                    problems.add(bean.getSimpleName() + "." + field.getName() + ": " + problem);
                }
            }
        }

        assertTrue(scopedBeans.contains(ViewTicketBacking.class), "the scan finds the beans: " + scopedBeans);
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckRefusesWhatCouldNotReplicate() throws Exception {
        record Holder(Object anything) implements Serializable {}
        record Plain(String name) {}

        assertTrue(problemOf(Plain.class, new ArrayList<>()) != null, "a record that is not Serializable");
        assertTrue(problemOf(Holder.class, new ArrayList<>()) != null, "a Serializable record holding Object");
        assertEquals(null, problemOf(String.class, new ArrayList<>()));
        assertFalse(isProxied(KeepsSecurityContext.class.getDeclaredField("securityContext")), "a platform interface");
    }

    /** A bean field as TriageBacking once had it. */
    private static final class KeepsSecurityContext {
        @Inject
        private jakarta.security.enterprise.SecurityContext securityContext;
    }

    private static boolean isProxied(Field field) {
        if (!field.isAnnotationPresent(Inject.class)) {
            return false;
        }
        Class<?> type = field.getType();
        return (type.isInterface() && type.getName().startsWith("org.helpdesk."))
                || type.isAnnotationPresent(Stateless.class)
                || type.isAnnotationPresent(Singleton.class)
                || type.isAnnotationPresent(RequestScoped.class)
                || type.isAnnotationPresent(ViewScoped.class)
                || type.isAnnotationPresent(SessionScoped.class)
                || type.isAnnotationPresent(ApplicationScoped.class)
                || type == String.class;
    }

    /** Why a value of the type could not be serialized, or null if it can. */
    private static String problemOf(Type type, List<Type> seen) {
        if (seen.contains(type)) {
            return null;
        }
        seen.add(type);
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            boolean collection = Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw);
            if (!collection && !Serializable.class.isAssignableFrom(raw)) {
                return parameterized.getTypeName() + " is not Serializable";
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                String problem = problemOf(argument, seen);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (!(type instanceof Class<?> type1)) {
            return type.getTypeName() + " cannot be checked";
        }
        if (type1.isPrimitive() || type1.isEnum()) {
            return null;
        }
        if (!Serializable.class.isAssignableFrom(type1) || type1 == Object.class) {
            return type1.getName() + " is not Serializable";
        }
        if (type1.isRecord()) {
            for (RecordComponent component : type1.getRecordComponents()) {
                String problem = problemOf(component.getGenericType(), seen);
                if (problem != null) {
                    return type1.getSimpleName() + "." + component.getName() + ": " + problem;
                }
            }
        }
        return null;
    }

    /** The web module's classes annotated @ViewScoped or @SessionScoped. */
    private static List<Class<?>> scopedBeans() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(ViewTicketBacking.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ScopedStateIsSerializableTest.class.getClassLoader());
                if (type.isAnnotationPresent(ViewScoped.class) || type.isAnnotationPresent(SessionScoped.class)) {
                    beans.add(type);
                }
            }
        }
        return beans;
    }
}

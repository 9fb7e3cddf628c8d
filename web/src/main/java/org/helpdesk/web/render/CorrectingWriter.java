package org.helpdesk.web.render;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;

/**
 * Passes a renderer's markup through, except for one kind of element: there it leaves out the
 * named attributes and adds the given ones.
 */
final class CorrectingWriter extends ResponseWriterWrapper {

    private final String element;
    private final Set<String> dropped;
    private final Map<String, String> added;
    private boolean inElement;

    private CorrectingWriter(ResponseWriter wrapped, String element, Set<String> dropped, Map<String, String> added) {
        super(wrapped);
        this.element = element;
        this.dropped = dropped;
        this.added = added;
    }

    /** Leaves the named attributes out of every such element. */
    static CorrectingWriter dropping(ResponseWriter wrapped, String element, String... attributes) {
        return new CorrectingWriter(wrapped, element, Set.of(attributes), Map.of());
    }

    /** Adds the attribute to every such element. */
    static CorrectingWriter adding(ResponseWriter wrapped, String element, String attribute, String value) {
        return new CorrectingWriter(wrapped, element, Set.of(), Map.of(attribute, value));
    }

    @Override
    public void startElement(String name, UIComponent component) throws IOException {
        inElement = element.equals(name);
        super.startElement(name, component);
        if (inElement) {
            for (Map.Entry<String, String> attribute : added.entrySet()) {
                super.writeAttribute(attribute.getKey(), attribute.getValue(), null);
            }
        }
    }

    @Override
    public void writeAttribute(String name, Object value, String property) throws IOException {
        if (!(inElement && dropped.contains(name))) {
            super.writeAttribute(name, value, property);
        }
    }
}

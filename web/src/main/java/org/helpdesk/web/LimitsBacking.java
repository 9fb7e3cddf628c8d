package org.helpdesk.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.helpdesk.common.Limits;

/** The product's {@link Limits} for the pages' {@code maxlength} and length validators. */
@Named("limits")
@ApplicationScoped
public class LimitsBacking {

    public int getText() {
        return Limits.TEXT;
    }

    public int getSubject() {
        return Limits.SUBJECT;
    }
}

/**
 * PrimeFaces renderers corrected where their markup fails an accessibility check (axe-core, run by
 * the browser tests on every page). Each one changes the least it can: it renders through
 * PrimeFaces' own renderer and leaves out one attribute. Registered in faces-config.xml.
 */
package org.helpdesk.web.render;

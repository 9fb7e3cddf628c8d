/**
 * The staff desk in the EJB layer: canned responses (who keeps which, placeholders) and the
 * dashboard's figures, checked against tickets each test files in a location of its own.
 */
package org.helpdesk.it.desk;

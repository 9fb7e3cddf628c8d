/**
 * The pages: one backing bean per view, in packages that mirror the view paths
 * ({@code web.tickets} for {@code /tickets/*.xhtml}). Backing beans translate between the page and
 * the EJBs; they decide nothing about who may do what.
 */
package org.helpdesk.web;

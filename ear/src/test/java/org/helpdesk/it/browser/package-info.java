/**
 * End-to-end tests in a real browser: Debian's headless Chromium, driven through Debian's
 * chromedriver by Selenium, against the deployed EAR. Each scenario of the product is walked as
 * the demo users walk it, every page is checked with axe-core, and the README's screenshots are
 * taken here. They run with {@code -Pbrowser} (see ear/pom.xml); nothing is downloaded at run time.
 *
 * <p>{@link org.helpdesk.it.browser.Browsers} starts one browser per person in a test and closes
 * them after it; {@link org.helpdesk.it.browser.Browser} is what a person does with one; the page
 * classes ({@code TicketForm}, {@code TicketThread}, {@code MyTickets}) hold each page's element
 * ids, and {@link org.helpdesk.it.browser.Given} sets up what a scenario starts from over HTTP.
 */
package org.helpdesk.it.browser;

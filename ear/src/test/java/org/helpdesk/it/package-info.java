/**
 * Integration tests against the built EAR in a real WildFly that the test run starts and stops
 * (see ear/pom.xml and arquillian.xml). Classes named *IT that deploy
 * {@link org.helpdesk.it.support.Deployments#helpdeskWithTests()} run inside the server and call
 * the EJBs as the demo users; those that deploy {@code helpdesk()} with {@code testable = false}
 * work over HTTP as a browser or an API client would.
 */
package org.helpdesk.it;

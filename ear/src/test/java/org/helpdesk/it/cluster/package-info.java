/**
 * The cluster tests (profile {@code cluster}, {@link org.helpdesk.it.cluster.ClusterIT}): WildFly's
 * load balancer and two nodes started by the tests as operating-system processes from the
 * configurations wildfly-config builds, sharing a PostgreSQL database of their own, on 127.0.0.1.
 */
package org.helpdesk.it.cluster;

/**
 * Sign-in against the organisation's directory, tested against a real LDAP server (UnboundID's
 * in-memory directory server, {@link org.helpdesk.it.directory.TestDirectory}) and the server
 * configuration of configure-ldap.cli. Only in the ldap profile: {@code ./mvnw verify -Pldap}.
 */
package org.helpdesk.it.directory;

/**
 * Authentication with Jakarta Security: one {@code HttpAuthenticationMechanism} (Jakarta Security 3
 * takes one per application) that signs people in through the login page and keeps them signed in
 * by their HTTP session, and answers HTTP Basic on {@code /api/**}; and the identity store that
 * checks passwords against the application's PBKDF2 hashes and turns groups into permissions.
 * {@code SignInThrottle} refuses guessing (failures per user name and per client address, and a
 * bound on concurrent password hashes); {@code SecurityLog} writes the security events in their
 * own logger category, {@code org.helpdesk.security}.
 */
package org.helpdesk.web.security;

/**
 * Proofs that print figures: the generated access matrix (every operation, demo user and target
 * through the EJBs, the API and the pages) and the hostile-input suite.
 */
package org.helpdesk.it.proof;

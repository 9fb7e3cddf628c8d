/** Backing beans of the signed-in user's own account pages under /account: the password. */
package org.helpdesk.web.account;

/** Backing beans of the pages under /preferences/: the signed-in user's own settings. */
package org.helpdesk.web.preferences;

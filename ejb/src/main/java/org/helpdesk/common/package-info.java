/**
 * What every feature shares: the root of the business exceptions, which roll the transaction back
 * and which the pages and the REST API translate into messages and problem details.
 */
package org.helpdesk.common;

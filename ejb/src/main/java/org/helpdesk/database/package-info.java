/**
 * The database schema: versioned Flyway migrations (src/main/resources/db/migration) that run once
 * at deployment, before any query, and the demo data of the embedded default (db/demo).
 */
package org.helpdesk.database;

package org.helpdesk.it.proof;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.naming.InitialContext;
import javax.sql.DataSource;

/**
 * What a refused change of an account must leave untouched, read straight from the database:
 * whether it is active, its password hash, whether its password is temporary. Also puts an
 * account back as it was, should a case have changed it (a leak: the case fails, but the demo
 * users the next cases sign in as stay usable).
 */
record AccountState(boolean active, String passwordHash, boolean mustChangePassword) {

    static AccountState of(long userId) throws Exception {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT active, password_hash, must_change_password FROM app_user WHERE id = ?")) {
            query.setLong(1, userId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new AccountState(row.getBoolean(1), row.getString(2), row.getBoolean(3)) : null;
            }
        }
    }

    /** The id of the account with this user name, or null. */
    static Long idOf(String username) throws Exception {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT id FROM app_user WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    void restore(long userId) throws Exception {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE app_user SET active = ?, password_hash = ?, must_change_password = ? WHERE id = ?")) {
            update.setBoolean(1, active);
            update.setString(2, passwordHash);
            update.setBoolean(3, mustChangePassword);
            update.setLong(4, userId);
            update.executeUpdate();
        }
    }

    private static DataSource dataSource() throws Exception {
        return InitialContext.doLookup("java:jboss/datasources/HelpdeskDS");
    }
}

package org.helpdesk.directory;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A database-store account as an administrator fills it in. The temporary password must be
 * changed at the first sign-in; its rule is {@link org.helpdesk.security.Passwords}'.
 */
public record NewUser(
        @NotBlank(message = "Enter a user name.")
        @Pattern(
                regexp = User.USERNAME_PATTERN,
                message = "A user name has at most 100 letters, digits, dots, hyphens, underscores or @, no spaces.")
        String username,

        @NotBlank(message = "Enter a display name.")
        @Size(
                max = User.MAX_DISPLAY_NAME,
                message = "The display name has at most " + User.MAX_DISPLAY_NAME + " characters.")
        String displayName,

        @Email(message = "Enter a valid e-mail address, or leave it empty.")
        @Size(max = User.MAX_EMAIL, message = "The e-mail address has at most " + User.MAX_EMAIL + " characters.")
        String email,

        @NotNull(message = "Choose the groups (or none).") Set<String> groups,

        @NotNull(message = "Choose the locations (or none).")
        Set<Long> locationIds,

        String temporaryPassword) {}

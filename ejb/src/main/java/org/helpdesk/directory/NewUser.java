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
        @NotBlank(message = "{user.username.required}")
        @Pattern(regexp = User.USERNAME_PATTERN, message = "{user.username.pattern}")
        String username,

        @NotBlank(message = "{user.displayName.required}")
        @Size(max = User.MAX_DISPLAY_NAME, message = "{user.displayName.size}")
        String displayName,

        @Email(message = "{user.email.invalid}") @Size(max = User.MAX_EMAIL, message = "{user.email.size}")
        String email,

        @NotNull(message = "{user.groups.required}") Set<String> groups,

        @NotNull(message = "{user.locations.required}") Set<Long> locationIds,

        String temporaryPassword) {}

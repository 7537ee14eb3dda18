package org.splitcast.registry.content;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.splitcast.common.Ids;

/**
 * A content to add to the catalogue.
 *
 * @param id the CMS's own id, or absent to have one generated
 * @param genre a lower-case slug (drama, sports, documentary...)
 * @param rules the default access rules; absent = unlimited plays, no window, no recording
 * @param packageIds packages to put it in
 */
public record NewContent(
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @NotBlank @Size(max = 300) String title,
        @NotNull
                @Pattern(
                        regexp = "[a-z0-9][a-z0-9_-]{0,63}",
                        message = "must be 1 to 64 lower-case letters, digits, '_' or '-'")
                String genre,
        @NotNull @Positive @Max(7 * 24 * 3600) Integer durationSeconds,
        @Valid AccessRulesData rules,
        @Size(max = 100) List<@NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String> packageIds) {}

package org.splitcast.registry.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.splitcast.common.Ids;

/** A package to create, with the contents it starts with. */
public record NewPackage(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 10_000) List<@NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String> contentIds) {}

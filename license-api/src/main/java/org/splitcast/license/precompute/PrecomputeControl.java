package org.splitcast.license.precompute;

import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.splitcast.error.InvalidRequestException;

/** The operator's view and controls of the load-gated precompute. */
@Local
public interface PrecomputeControl {

    PrecomputeStatus status();

    /** The settings in force (the operator's, or the configuration's defaults). */
    PrecomputeSettings settings();

    /** Replaces the settings for every node; they take effect at the next timer tick. */
    PrecomputeSettings updateSettings(@NotNull @Valid PrecomputeSettings settings) throws InvalidRequestException;

    /** Forgets the operator's settings: back to the configuration's defaults. */
    PrecomputeSettings resetSettings();

    /** The latest runs, newest first. */
    List<PrecomputeRunView> runs(int limit);
}

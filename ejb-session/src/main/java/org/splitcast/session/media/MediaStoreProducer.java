package org.splitcast.session.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The application's {@link MediaStore}: a {@link FileMediaStore} on {@code splitcast.media.dir}. */
@ApplicationScoped
public class MediaStoreProducer {

    @Inject
    @ConfigProperty(name = "splitcast.media.dir")
    String directory;

    private FileMediaStore store;

    @Produces
    @ApplicationScoped
    MediaStore mediaStore() {
        return fileStore();
    }

    /** The file store itself (start-up housekeeping clears its staging area). */
    public synchronized FileMediaStore fileStore() {
        if (store == null) {
            try {
                store = new FileMediaStore(Path.of(directory));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the media store at " + directory, e);
            }
        }
        return store;
    }
}

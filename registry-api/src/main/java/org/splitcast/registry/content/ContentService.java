package org.splitcast.registry.content;

import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.splitcast.common.Page;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.UnknownEntityException;

/** The catalogue: contents with their keys, and packages. */
@Local
public interface ContentService {

    /** Adds a content and generates its first content key Kc. */
    ContentView create(@NotNull @Valid NewContent content) throws DuplicateEntityException, UnknownEntityException;

    ContentView get(String id) throws UnknownEntityException;

    /** The catalogue, optionally of one genre. */
    Page<ContentView> list(String genre, int offset, int limit);

    /**
     * The catalogue's contents whose title or id contains {@code text} (ignoring case), optionally
     * of one genre, in catalogue order.
     */
    Page<ContentView> search(String genre, @NotNull @Size(max = 100) String text, int offset, int limit);

    /** The genres of the catalogue, in alphabetical order. */
    List<String> genres();

    /**
     * Replaces the content's current key Kc with a new one: licenses issued from now on carry the
     * new key, and the precomputed access blocks of the old one are dropped.
     */
    ContentView rotateKey(String id) throws UnknownEntityException;

    /** Removes a content with its keys, package memberships and purchases. */
    void delete(String id) throws UnknownEntityException;

    PackageView createPackage(@NotNull @Valid NewPackage contentPackage)
            throws DuplicateEntityException, UnknownEntityException;

    PackageView getPackage(String id) throws UnknownEntityException;

    List<PackageView> listPackages();

    PackageView addToPackage(String packageId, String contentId) throws UnknownEntityException;

    PackageView removeFromPackage(String packageId, String contentId) throws UnknownEntityException;

    void deletePackage(String id) throws UnknownEntityException;
}

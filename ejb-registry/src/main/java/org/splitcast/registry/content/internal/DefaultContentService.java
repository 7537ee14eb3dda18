package org.splitcast.registry.content.internal;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.splitcast.common.Ids;
import org.splitcast.common.Page;
import org.splitcast.common.Timestamps;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.registry.content.AccessRulesData;
import org.splitcast.registry.content.ContentService;
import org.splitcast.registry.content.ContentView;
import org.splitcast.registry.content.NewContent;
import org.splitcast.registry.content.NewPackage;
import org.splitcast.registry.content.PackageView;
import org.splitcast.registry.events.CatalogueChanged;
import org.splitcast.registry.events.ContentKeyRotated;
import org.splitcast.registry.keys.KeyOwner;
import org.splitcast.registry.keys.KeyVault;

/** {@link ContentService} on JPA; content keys sealed by the {@link KeyVault}. */
@Stateless
@RolesAllowed(OPERATOR_ROLE)
public class DefaultContentService implements ContentService {

    private static final Logger LOG = Logger.getLogger(DefaultContentService.class);

    @PersistenceContext
    EntityManager em;

    @EJB
    KeyVault vault;

    @Inject
    Event<CatalogueChanged> catalogueChanged;

    @Inject
    Event<ContentKeyRotated> keyRotated;

    @Override
    public ContentView create(NewContent request) throws DuplicateEntityException, UnknownEntityException {
        String id = Ids.orNew(request.id());
        if (em.find(Content.class, id) != null) {
            throw new DuplicateEntityException("content", "id", id);
        }
        List<ContentPackage> packages = new ArrayList<>();
        if (request.packageIds() != null) {
            for (String packageId : request.packageIds()) {
                packages.add(findPackage(packageId));
            }
        }
        Instant now = Timestamps.now();
        AccessRules rules = rules(request.rules());
        Content content =
                new Content(id, request.title().strip(), request.genre(), request.durationSeconds(), rules, now);
        em.persist(content);
        ContentKey key = newKey(content, now);
        em.persist(key);
        packages.forEach(p -> p.contents().add(content));
        catalogueChanged.fire(CatalogueChanged.of(now));
        LOG.infof("Content %s created with content key %s", id, key.keyId());
        return view(
                content,
                key.keyId(),
                packages.stream().map(ContentPackage::id).sorted().toList());
    }

    /** A fresh Kc for {@code content}, sealed for {@code content/<id>/key/<keyId>}. */
    private ContentKey newKey(Content content, Instant now) {
        String keyId = UUID.randomUUID().toString();
        byte[] kc = CryptoProvider.getDefault().randomBytes(SecretKeys.AES_256_BYTES);
        try {
            return new ContentKey(keyId, content, vault.seal(kc, KeyOwner.contentKey(content.id(), keyId)), now);
        } finally {
            SecretKeys.wipe(kc);
        }
    }

    @Override
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    public ContentView get(String id) throws UnknownEntityException {
        Content content = find(id);
        return views(List.of(content)).get(0);
    }

    @Override
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    public Page<ContentView> list(String genre, int offset, int limit) {
        TypedQuery<Content> query = genre == null
                ? em.createNamedQuery("Content.findAll", Content.class)
                : em.createNamedQuery("Content.findByGenre", Content.class).setParameter("genre", genre);
        TypedQuery<Long> count = genre == null
                ? em.createNamedQuery("Content.countAll", Long.class)
                : em.createNamedQuery("Content.countByGenre", Long.class).setParameter("genre", genre);
        List<Content> contents =
                query.setFirstResult(offset).setMaxResults(limit).getResultList();
        return new Page<>(views(contents), offset, limit, count.getSingleResult());
    }

    @Override
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    public Page<ContentView> search(String genre, String text, int offset, int limit) {
        String pattern = "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_")
                + "%";
        String where = " where (lower(c.title) like :pattern escape '!' or lower(c.id) like :pattern escape '!')"
                + (genre == null ? "" : " and c.genre = :genre");
        TypedQuery<Content> query = em.createQuery(
                        "select c from Content c" + where + " order by c.createdAt, c.id", Content.class)
                .setParameter("pattern", pattern);
        TypedQuery<Long> count = em.createQuery("select count(c) from Content c" + where, Long.class)
                .setParameter("pattern", pattern);
        if (genre != null) {
            query.setParameter("genre", genre);
            count.setParameter("genre", genre);
        }
        List<Content> contents =
                query.setFirstResult(offset).setMaxResults(limit).getResultList();
        return new Page<>(views(contents), offset, limit, count.getSingleResult());
    }

    @Override
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    public List<String> genres() {
        return em.createQuery("select distinct c.genre from Content c order by c.genre", String.class)
                .getResultList();
    }

    /** Views of several contents, with their current key ids and packages in two queries. */
    private List<ContentView> views(List<Content> contents) {
        if (contents.isEmpty()) {
            return List.of();
        }
        List<String> ids = contents.stream().map(Content::id).toList();
        Map<String, String> currentKeys = new HashMap<>();
        em.createNamedQuery("ContentKey.findCurrentForContents", ContentKey.class)
                .setParameter("contentIds", ids)
                .getResultStream()
                .forEach(k -> currentKeys.put(k.contentId(), k.keyId()));
        Map<String, List<String>> packages = new HashMap<>();
        em.createQuery(
                        "select c.id, p.id from ContentPackage p join p.contents c where c.id in :ids order by p.id",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .forEach(row -> packages.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                        .add((String) row[1]));
        return contents.stream()
                .map(c -> view(c, currentKeys.get(c.id()), packages.getOrDefault(c.id(), List.of())))
                .toList();
    }

    @Override
    public void delete(String id) throws UnknownEntityException {
        Content content = find(id);
        for (ContentPackage p : em.createNamedQuery("ContentPackage.findContaining", ContentPackage.class)
                .setParameter("contentId", id)
                .getResultList()) {
            p.contents().remove(content);
        }
        em.flush();
        // keys, purchases and the license server's rows of the content go with it (ON DELETE CASCADE)
        em.remove(content);
        catalogueChanged.fire(new CatalogueChanged(id, Timestamps.now()));
        LOG.infof("Content %s deleted", id);
    }

    @Override
    public ContentView rotateKey(String id) throws UnknownEntityException {
        Content content = find(id);
        Instant now = Timestamps.now();
        List<ContentKey> current = em.createNamedQuery("ContentKey.findCurrentForContents", ContentKey.class)
                .setParameter("contentIds", List.of(id))
                .getResultList();
        current.forEach(k -> k.retire(now));
        ContentKey key = newKey(content, now);
        em.persist(key);
        keyRotated.fire(new ContentKeyRotated(
                id, current.isEmpty() ? null : current.get(0).keyId(), key.keyId(), now));
        LOG.infof("Content %s: content key %s is current", id, key.keyId());
        return get(id);
    }

    @Override
    public PackageView createPackage(NewPackage request) throws DuplicateEntityException, UnknownEntityException {
        if (em.find(ContentPackage.class, request.id()) != null) {
            throw new DuplicateEntityException("package", "id", request.id());
        }
        ContentPackage contentPackage =
                new ContentPackage(request.id(), request.name().strip(), Timestamps.now());
        if (request.contentIds() != null) {
            for (String contentId : request.contentIds()) {
                contentPackage.contents().add(find(contentId));
            }
        }
        em.persist(contentPackage);
        catalogueChanged.fire(CatalogueChanged.of(Timestamps.now()));
        LOG.infof(
                "Package %s created with %d contents",
                request.id(), contentPackage.contents().size());
        return view(contentPackage);
    }

    @Override
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    public PackageView getPackage(String id) throws UnknownEntityException {
        return view(findPackage(id));
    }

    @Override
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    public List<PackageView> listPackages() {
        return em.createNamedQuery("ContentPackage.findAll", ContentPackage.class)
                .getResultStream()
                .map(DefaultContentService::view)
                .toList();
    }

    @Override
    public PackageView addToPackage(String packageId, String contentId) throws UnknownEntityException {
        ContentPackage contentPackage = findPackage(packageId);
        contentPackage.contents().add(find(contentId));
        catalogueChanged.fire(CatalogueChanged.of(Timestamps.now()));
        return view(contentPackage);
    }

    @Override
    public PackageView removeFromPackage(String packageId, String contentId) throws UnknownEntityException {
        ContentPackage contentPackage = findPackage(packageId);
        if (!contentPackage.contents().remove(find(contentId))) {
            throw new UnknownEntityException("content in package " + packageId, contentId);
        }
        catalogueChanged.fire(CatalogueChanged.of(Timestamps.now()));
        return view(contentPackage);
    }

    @Override
    public void deletePackage(String id) throws UnknownEntityException {
        ContentPackage contentPackage = findPackage(id);
        contentPackage.contents().clear();
        em.flush();
        em.remove(contentPackage); // package entitlements go with it (ON DELETE CASCADE)
        catalogueChanged.fire(CatalogueChanged.of(Timestamps.now()));
        LOG.infof("Package %s deleted", id);
    }

    private Content find(String id) throws UnknownEntityException {
        Content content = id == null ? null : em.find(Content.class, id);
        if (content == null) {
            throw new UnknownEntityException("content", id);
        }
        return content;
    }

    private ContentPackage findPackage(String id) throws UnknownEntityException {
        ContentPackage contentPackage = id == null ? null : em.find(ContentPackage.class, id);
        if (contentPackage == null) {
            throw new UnknownEntityException("package", id);
        }
        return contentPackage;
    }

    /** The rules asked for; absent: unlimited plays, no rental window, no recording. */
    private static AccessRules rules(AccessRulesData data) {
        return data == null
                ? new AccessRules(null, null, false)
                : new AccessRules(
                        data.maxPlays(), data.rentalWindowHours(), Boolean.TRUE.equals(data.recordingAllowed()));
    }

    private static ContentView view(Content c, String currentKeyId, List<String> packageIds) {
        AccessRules r = c.rules();
        return new ContentView(
                c.id(),
                c.title(),
                c.genre(),
                c.durationSeconds(),
                new AccessRulesData(r.maxPlays(), r.rentalWindowHours(), r.recordingAllowed()),
                currentKeyId,
                packageIds,
                c.createdAt());
    }

    private static PackageView view(ContentPackage p) {
        return new PackageView(
                p.id(),
                p.name(),
                p.contents().stream().map(Content::id).sorted().toList(),
                p.createdAt());
    }
}

package org.splitcast.registry.content.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.splitcast.registry.content.AccessRulesData;
import org.splitcast.registry.content.ContentDirectory;
import org.splitcast.registry.content.ContentRecord;
import org.splitcast.registry.keys.KeyOwner;
import org.splitcast.registry.keys.KeyVault;

/** {@link ContentDirectory} on the {@code content}, {@code content_key} and package tables. */
@Stateless
@PermitAll
public class JpaContentDirectory implements ContentDirectory {

    @PersistenceContext
    EntityManager em;

    @EJB
    KeyVault vault;

    @Override
    public Optional<ContentRecord> find(String contentId) {
        Content content = contentId == null ? null : em.find(Content.class, contentId);
        if (content == null) {
            return Optional.empty();
        }
        return Optional.of(record(content, currentKeyIds(List.of(contentId)).get(contentId)));
    }

    @Override
    public List<ContentRecord> all() {
        Map<String, String> keys = new HashMap<>();
        em.createQuery("select k.content.id, k.keyId from ContentKey k where k.retiredAt is null", Object[].class)
                .getResultStream()
                .forEach(row -> keys.put((String) row[0], (String) row[1]));
        return em.createNamedQuery("Content.findAll", Content.class)
                .getResultStream()
                .map(c -> record(c, keys.get(c.id())))
                .toList();
    }

    @Override
    public Map<String, List<String>> packageContents() {
        Map<String, List<String>> packages = new LinkedHashMap<>();
        em.createQuery("select p.id, c.id from ContentPackage p join p.contents c order by p.id, c.id", Object[].class)
                .getResultStream()
                .forEach(row -> packages.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                        .add((String) row[1]));
        return packages;
    }

    @Override
    public Map<String, String> currentKeyIds(Collection<String> contentIds) {
        if (contentIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> keys = new HashMap<>();
        em.createNamedQuery("ContentKey.findCurrentForContents", ContentKey.class)
                .setParameter("contentIds", contentIds)
                .getResultStream()
                .forEach(k -> keys.put(k.contentId(), k.keyId()));
        return keys;
    }

    @Override
    public byte[] openContentKey(String contentId, String keyId) {
        ContentKey key = keyId == null ? null : em.find(ContentKey.class, keyId);
        if (key == null || !key.contentId().equals(contentId)) {
            throw new IllegalArgumentException("content " + contentId + " has no key " + keyId);
        }
        return vault.open(key.wrappedKey(), KeyOwner.contentKey(contentId, keyId));
    }

    private static ContentRecord record(Content c, String currentKeyId) {
        AccessRules r = c.rules();
        return new ContentRecord(
                c.id(),
                c.title(),
                c.genre(),
                new AccessRulesData(r.maxPlays(), r.rentalWindowHours(), r.recordingAllowed()),
                currentKeyId);
    }
}

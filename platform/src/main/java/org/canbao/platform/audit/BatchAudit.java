package org.canbao.platform.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.canbao.platform.batch.BatchReport;
import org.canbao.platform.batch.BatchStream;
import org.canbao.platform.metrics.BusinessMetrics;

/**
 * Records every batch a department or tax system sent, and lists them for supervisors. Every batch passes here,
 * so its lines are counted here too ({@link BusinessMetrics#batch}).
 */
@ApplicationScoped
public class BatchAudit {
    private static final int LIMIT = 1000;
    private final EntityManager em;
    private final SecurityIdentity identity;
    private final BusinessMetrics metrics;

    public BatchAudit(EntityManager em, SecurityIdentity identity, BusinessMetrics metrics) {
        this.em = em;
        this.identity = identity;
        this.metrics = metrics;
    }

    /**
     * A batch received over REST, recorded with the caller as its source once its stream has been read to the end
     * (its size and hash are then the body's); answers the report it was given.
     */
    @Transactional
    public BatchReport received(String endpoint, BatchStream body, BatchReport report) {
        record(identity.getPrincipal().getName(), endpoint, body.mediaType(), body.bytes(), body.sha256(), report);
        return report;
    }

    /** One batch: who sent it where, its size and hash, and what became of its lines. */
    public record Entry(long id, OffsetDateTime receivedAt, String source, String endpoint, String mediaType, long bytes,
                        String sha256, int lines, int accepted, int duplicates, int rejected, int flagged) {
    }

    /** In the caller's transaction when there is one, so a batch and its record commit together. */
    @Transactional
    public void record(String source, String endpoint, String mediaType, byte[] body, BatchReport report) {
        record(source, endpoint, mediaType, body.length, sha256(body), report);
    }

    private void record(String source, String endpoint, String mediaType, long bytes, String sha256, BatchReport report) {
        int rejected = report.rejected.size();
        em.createNativeQuery("insert into batch_audit (source, endpoint, media_type, bytes, sha256, lines, accepted, "
                        + "duplicates, rejected, flagged) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, source).setParameter(2, endpoint).setParameter(3, mediaType)
                .setParameter(4, bytes).setParameter(5, sha256)
                .setParameter(6, report.accepted + report.duplicates + rejected).setParameter(7, report.accepted)
                .setParameter(8, report.duplicates).setParameter(9, rejected).setParameter(10, report.flagged.size())
                .executeUpdate();
        metrics.batch(endpoint, source, report);
    }

    /** Newest first, at most 1,000; each filter is optional. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Entry> list(String source, OffsetDateTime from, OffsetDateTime to) {
        List<Object[]> rows = em.createNativeQuery("select id, received_at, source, endpoint, media_type, bytes, sha256, "
                        + "lines, accepted, duplicates, rejected, flagged from batch_audit "
                        + "where (cast(?1 as text) is null or source = ?1) "
                        + "and (cast(?2 as timestamptz) is null or received_at >= ?2) "
                        + "and (cast(?3 as timestamptz) is null or received_at < ?3) order by id desc limit " + LIMIT)
                .setParameter(1, source).setParameter(2, from).setParameter(3, to).getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), toOffset(r[1]), (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).longValue(), (String) r[6], ((Number) r[7]).intValue(),
                ((Number) r[8]).intValue(), ((Number) r[9]).intValue(), ((Number) r[10]).intValue(),
                ((Number) r[11]).intValue())).toList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.ofHours(8));
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.ofHours(8));
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

package org.canbao.reporting.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.canbao.reporting.domain.BusinessTime;
import org.canbao.reporting.domain.UnitProgress;
import org.canbao.reporting.persistence.Campaign;
import org.jboss.logging.Logger;
import org.canbao.platform.persistence.RegionYear;

/**
 * Feeds the live stream: when the projection changed, recomputes each campaign's progress at most once a
 * second and sends one event per unit whose figures differ from the last ones sent.
 */
@ApplicationScoped
public class ProgressBroadcaster {
    private static final Logger LOG = Logger.getLogger(ProgressBroadcaster.class);

    public record UnitChange(int policyYear, OffsetDateTime asOf, UnitProgress unit, String region) {
    }

    /**
     * The processor fails a subscriber it cannot deliver to, and an SSE writer asks for one event at a time:
     * each subscriber gets a buffer holding a burst of changes (a county has a few dozen units).
     */
    private static final int UNITS_BUFFERED = 10_000;

    private final Progress progress;
    private final Campaigns campaigns;
    private final BroadcastProcessor<UnitChange> changes = BroadcastProcessor.create();
    private final Map<String, UnitProgress> lastSent = new ConcurrentHashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final AtomicInteger subscribers = new AtomicInteger();

    public ProgressBroadcaster(Progress progress, Campaigns campaigns) {
        this.progress = progress;
        this.campaigns = campaigns;
    }

    /** Called by the consumers after a batch: the figures may have moved. */
    public void projectionChanged() {
        dirty.set(true);
    }

    /** Every unit's current figures first, then a change per unit as it happens; only {@code scope}'s when given. */
    public Multi<UnitChange> stream(String region, int year, String scope) {
        List<UnitChange> current = progress.progress(region, year, null, null, scope).units().stream()
                .map(u -> new UnitChange(year, OffsetDateTime.now(BusinessTime.ZONE), u, region)).toList();
        return Multi.createBy().concatenating().streams(Multi.createFrom().iterable(current),
                        changes.filter(c -> c.policyYear() == year && c.region().equals(region) && (scope == null || scope.equals(c.unit().name())))
                                .onOverflow().buffer(UNITS_BUFFERED))
                .onSubscription().invoke(() -> subscribers.incrementAndGet())
                .onTermination().invoke(() -> subscribers.decrementAndGet());
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishChanges() {
        if (subscribers.get() == 0 || !dirty.getAndSet(false)) {
            return;
        }
        try {
            for (RegionYear campaign : campaigns.all()) {
                Progress.ProgressView view = progress.progress(campaign.region, campaign.policyYear, null, null);
                for (UnitProgress unit : view.units()) {
                    UnitProgress before = lastSent.put(campaign.region + "/" + campaign.policyYear + "/" + unit.name(), unit);
                    if (!Objects.equals(before, unit)) {
                        changes.onNext(new UnitChange(campaign.policyYear, view.asOf(), unit, campaign.region));
                    }
                }
            }
        } catch (RuntimeException e) {
            dirty.set(true);
            LOG.warnf("progress stream not refreshed: %s", e.getMessage());
        }
    }
}

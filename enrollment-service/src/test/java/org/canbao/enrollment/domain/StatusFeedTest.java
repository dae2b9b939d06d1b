package org.canbao.enrollment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.canbao.enrollment.domain.StatusFeed.Action;
import org.canbao.enrollment.domain.StatusFeed.Entry;
import org.canbao.enrollment.domain.StatusFeed.Line;
import org.canbao.enrollment.domain.StatusFeed.Mode;
import org.canbao.platform.i18n.Language;
import org.junit.jupiter.api.Test;

class StatusFeedTest {
    private static final Entry A_LOW = new Entry("A", "MINIMUM_LIVING");
    private static final Entry B_POOR = new Entry("B", "EXTREME_POVERTY");
    private static final Entry C_LOW = new Entry("C", "MINIMUM_LIVING");

    private static Line add(Entry e) {
        return new Line(e, Action.ADD);
    }

    @Test
    void aSnapshotRemovesWhoeverItNoLongerNames() {
        StatusFeed.Changes changes = StatusFeed.apply(Set.of(A_LOW, B_POOR), List.of(add(A_LOW), add(C_LOW)), Mode.SNAPSHOT, Set.of());
        assertEquals(List.of(C_LOW), changes.added());
        assertEquals(List.of(B_POOR), changes.removed());
        assertEquals(1, changes.changedLines());
        assertEquals(1, changes.unchangedLines());
    }

    @Test
    void resendingTheSameSnapshotChangesNothing() {
        StatusFeed.Changes changes = StatusFeed.apply(Set.of(A_LOW, B_POOR), List.of(add(A_LOW), add(B_POOR)), Mode.SNAPSHOT, Set.of());
        assertEquals(0, changes.added().size() + changes.removed().size());
        assertEquals(2, changes.unchangedLines());
    }

    @Test
    void aSnapshotDoesNotRemoveSomeoneWhoseLineWasRejected() {
        StatusFeed.Changes changes = StatusFeed.apply(Set.of(A_LOW, B_POOR), List.of(add(A_LOW)), Mode.SNAPSHOT, Set.of("B"));
        assertEquals(List.of(), changes.removed());
    }

    @Test
    void aRegionsSnapshotReplacesItsOwnListOnlyAndNamingAnotherListsEntryChangesNothing() {
        StatusFeed.Changes changes = StatusFeed.apply(Set.of(A_LOW, B_POOR), List.of(add(C_LOW), add(B_POOR)), Mode.SNAPSHOT,
                Set.of(), Set.of(A_LOW, B_POOR));
        assertEquals(List.of(C_LOW), changes.added());
        assertEquals(List.of(), changes.removed(), "A belongs to another region's list");
        assertEquals(1, changes.unchangedLines());
    }

    @Test
    void aDeltaOnlyTouchesWhatItNames() {
        StatusFeed.Changes changes = StatusFeed.apply(Set.of(A_LOW, B_POOR),
                List.of(new Line(A_LOW, Action.REMOVE), new Line(C_LOW, Action.REMOVE), add(C_LOW)), Mode.DELTA, Set.of());
        assertEquals(List.of(A_LOW), changes.removed());
        assertEquals(List.of(C_LOW), changes.added());
        assertEquals(1, changes.unchangedLines());
    }

    @Test
    void addingAndRemovingTheSameEntryInOneDeltaChangesNothing() {
        StatusFeed.Changes changes = StatusFeed.apply(Set.of(B_POOR),
                List.of(add(C_LOW), new Line(C_LOW, Action.REMOVE), new Line(B_POOR, Action.REMOVE), add(B_POOR)), Mode.DELTA, Set.of());
        assertEquals(List.of(), changes.added());
        assertEquals(List.of(), changes.removed());
    }

    @Test
    void aSameLineTwiceInOneBatchCountsOnce() {
        StatusFeed.Changes changes = StatusFeed.apply(Set.of(), List.of(add(A_LOW), add(A_LOW)), Mode.SNAPSHOT, Set.of());
        assertEquals(List.of(A_LOW), changes.added());
        assertEquals(1, changes.unchangedLines());
    }

    @Test
    void civilAffairsMayNotReportADisability() {
        DepartmentCategories departments = new DepartmentCategories(Map.of(
                "civil-affairs", Set.of("MINIMUM_LIVING"), "disabled-persons-federation", Set.of("SEVERE_DISABILITY")));
        assertNull(departments.refusal("civil-affairs", "MINIMUM_LIVING"));
        assertEquals("civil-affairs may not report SEVERE_DISABILITY",
                departments.refusal("civil-affairs", "SEVERE_DISABILITY").render(Language.EN));
        assertEquals("民政部门无权报送“重度残疾”类别", departments.refusal("civil-affairs", "SEVERE_DISABILITY").render(Language.ZH));
        assertEquals("unknown category 'RICH'", departments.refusal("civil-affairs", "RICH").render(Language.EN));
    }

    @Test
    void whatAListNamesAgainIsConfirmedAndALaterYearsListRenewsIt() {
        StatusFeed.Changes changes = StatusFeed.apply(Set.of(A_LOW, B_POOR),
                List.of(add(A_LOW), add(A_LOW), add(C_LOW), new Line(B_POOR, Action.REMOVE)), Mode.DELTA, Set.of());
        assertEquals(List.of(A_LOW), changes.confirmed(), "named again, once; the new and the removed are not confirmed");
        assertEquals(true, StatusFeed.renews(java.time.LocalDate.of(2022, 8, 31), java.time.LocalDate.of(2023, 8, 31)));
        assertEquals(false, StatusFeed.renews(java.time.LocalDate.of(2022, 8, 31), java.time.LocalDate.of(2022, 12, 31)),
                "a monthly list of the same year renews nothing");
    }
}

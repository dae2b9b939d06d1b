package org.canbao.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LastPerKeyTest {
    private record Change(String person, int year, int version) {
    }

    @Test
    void keepsTheLastOfEachKeyInTheOrderKeysWereFirstSeen() {
        List<Change> admitted = List.of(new Change("a", 2026, 1), new Change("b", 2026, 1), new Change("a", 2027, 1),
                new Change("a", 2026, 2), new Change("b", 2026, 2), new Change("a", 2026, 3));

        List<Change> kept = List.copyOf(Inbox.lastPerKey(admitted, c -> c.person() + "/" + c.year()));

        assertEquals(List.of(new Change("a", 2026, 3), new Change("b", 2026, 2), new Change("a", 2027, 1)), kept);
    }
}

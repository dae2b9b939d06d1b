package org.canbao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstancesTest {
    @Test
    void theListNamesHowManyInstancesOfEachService() {
        assertEquals(Map.of(ServiceSpec.SUBSIDY, 2, ServiceSpec.REPORTING, 3),
                Instances.parse(List.of("up", "--instances", "subsidy-service=2,reporting-service=3")));
    }

    @Test
    void withoutTheOptionEveryServiceRunsOnce() {
        assertTrue(Instances.parse(List.of("up")).isEmpty());
    }

    @Test
    void anUnknownServiceOrCountIsRefusedWithTheReason() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Instances.parse(List.of("up", "--instances", "billing-service=2")));
        assertTrue(unknown.getMessage().contains("subsidy-service"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Instances.parse(List.of("up", "--instances", "subsidy-service=0")));
        assertThrows(IllegalArgumentException.class, () -> Instances.parse(List.of("up", "--instances", "subsidy-service")));
        assertThrows(IllegalArgumentException.class, () -> Instances.parse(List.of("up", "--instances")));
    }

    @Test
    void laterInstancesListenAHundredPortsApart() {
        assertEquals(8083, Instances.port(ServiceSpec.SUBSIDY, 1));
        assertEquals(8183, Instances.port(ServiceSpec.SUBSIDY, 2));
        assertEquals(8284, Instances.port(ServiceSpec.REPORTING, 3));
    }
}

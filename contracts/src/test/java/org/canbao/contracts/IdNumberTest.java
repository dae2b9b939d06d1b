package org.canbao.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumberTest {

    @Test
    void theStandardsExampleWithAnXCheckCharacterIsValid() {
        IdNumber id = IdNumber.parse("11010519491231002x");
        assertEquals("11010519491231002X", id.value());
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertFalse(id.male());
    }

    @Test
    void aWrongCheckDigitIsRejectedWithThatReason() {
        var e = assertThrows(IdNumber.InvalidIdNumber.class, () -> IdNumber.parse("110105194912310021"));
        assertEquals("id number check digit", e.getMessage());
    }

    @Test
    void anImpossibleBirthDateIsRejected() {
        String body = "43062619990230001";
        var e = assertThrows(IdNumber.InvalidIdNumber.class, () -> IdNumber.parse(body + IdNumber.checkCharacter(body)));
        assertEquals("id number birth date is impossible", e.getMessage());
    }

    @Test
    void aBirthDateInTheFutureIsRejected() {
        String body = "43062620990101001";
        assertEquals("id number birth date lies in the future", assertThrows(IdNumber.InvalidIdNumber.class,
                () -> IdNumber.parse(body + IdNumber.checkCharacter(body))).getMessage());
        String tomorrow = "430626" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "001";
        assertThrows(IdNumber.InvalidIdNumber.class, () -> IdNumber.parse(tomorrow + IdNumber.checkCharacter(tomorrow)));
    }

    @Test
    void aRegionCodeThatIsNoAdministrativeDivisionIsRejected() {
        for (String region : new String[] {"000000", "990626", "430000", "100101"}) {
            String body = region + "19800101001";
            var e = assertThrows(IdNumber.InvalidIdNumber.class, () -> IdNumber.parse(body + IdNumber.checkCharacter(body)), region);
            assertEquals("id number region code (its first six digits) is no administrative division", e.getMessage());
        }
        String hongKongPermit = "810000" + "19800101001";
        IdNumber.parse(hongKongPermit + IdNumber.checkCharacter(hongKongPermit));
    }

    @Test
    void aShortNumberIsRejectedWithItsLength() {
        assertEquals("id number must have 18 characters, has 15",
                assertThrows(IdNumber.InvalidIdNumber.class, () -> IdNumber.parse("430626199001011")).getMessage());
    }

    @Test
    void theNumberIsMaskedInTextAndInItsOwnToString() {
        IdNumber id = IdNumber.of("430626", LocalDate.of(1990, 1, 1), 123);
        assertEquals("430626********" + id.value().substring(14), id.toString());
        String scrubbed = IdNumber.scrub("Key (id_number)=(" + id.value() + ") already exists");
        assertFalse(scrubbed.contains(id.value()));
        assertTrue(scrubbed.contains(id.masked()));
        assertEquals("receipt 20221008123456789012345", IdNumber.scrub("receipt 20221008123456789012345"));
    }

    @Test
    void pseudonymsAreStableAndDependOnTheKey() {
        IdNumber id = IdNumber.of("430626", LocalDate.of(1990, 1, 1), 123);
        Pseudonyms one = new Pseudonyms("a-key-of-sixteen-chars");
        assertEquals(one.personKey(id), new Pseudonyms("a-key-of-sixteen-chars").personKey(id));
        assertFalse(one.personKey(id).equals(new Pseudonyms("another-key-sixteen").personKey(id)));
        assertFalse(one.personKey(id).contains(id.value().substring(6, 14)));
    }
}

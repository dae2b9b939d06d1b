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

package org.canbao.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+|all)}");

    @Test
    void everyCodeIsSaidInBothLanguagesWithTheSameArguments() {
        Set<String> codes = Messages.codes();
        assertTrue(codes.size() > 100, "the catalog has " + codes.size() + " codes");
        for (String code : codes) {
            String zh = Messages.template(Language.ZH, code);
            String en = Messages.template(Language.EN, code);
            assertNotNull(zh, code + " has no Chinese");
            assertNotNull(en, code + " has no English");
            assertFalse(zh.isBlank() || en.isBlank(), code);
            assertEquals(arguments(en), arguments(zh), code + ": the same arguments in both languages");
        }
    }

    @Test
    void chineseTextsAreChinese() {
        for (String code : Messages.codes()) {
            String zh = Messages.template(Language.ZH, code);
            boolean han = zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            // the exceptions: a name that is the same in both (an argument alone), or arguments and punctuation only
            boolean noWords = zh.replaceAll("\\{\\d+}", "").codePoints().noneMatch(Character::isLetter);
            assertTrue(han || noWords || zh.equals(Messages.template(Language.EN, code)), code + ": " + zh);
        }
    }

    @Test
    void aReasonReadsNaturallyInChineseAndAsBeforeInEnglish() {
        Message missing = Message.of("field.missing", Message.field("name"));
        assertEquals("缺少字段“姓名”", missing.render(Language.ZH));
        assertEquals("name missing", missing.render(Language.EN));
        assertEquals("身份证号码校验位错误", Message.of("id-number.check-digit").render(Language.ZH));
        assertEquals("id number check digit", Message.of("id-number.check-digit").render(Language.EN));
    }

    @Test
    void aFieldTheCatalogDoesNotNameKeepsItsName() {
        assertEquals("缺少字段“unit_name”", Message.of("field.missing", "unit_name").render(Language.ZH));
        assertEquals("缺少字段“sponsor”", Message.of("field.missing", Message.field("sponsor")).render(Language.ZH));
    }

    @Test
    void nestedMessagesAreRenderedInTheSameLanguage() {
        Message line = Message.of("campaign.line", 2, Message.of("field.not-whole-number", "target", "12x"));
        assertEquals("line 2: target '12x' is not a whole number", line.render(Language.EN));
        assertEquals("第2行：“target”的值“12x”不是整数", line.render(Language.ZH));
    }

    @Test
    void anIdNumberEchoedInAnArgumentIsMasked() {
        String rendered = Message.of("field.not-whole-number", Message.field("policyYear"), "430626199001011234").render(Language.EN);
        assertEquals("policyYear '430626********1234' is not a whole number", rendered);
    }

    @Test
    void englishOnlyWhenTheCallerPrefersIt() {
        assertEquals(Language.ZH, Language.of(null));
        assertEquals(Language.ZH, Language.of(""));
        assertEquals(Language.EN, Language.of("en"));
        assertEquals(Language.EN, Language.of("en-US,en;q=0.9"));
        assertEquals(Language.EN, Language.of("EN-gb"));
        assertEquals(Language.EN, Language.of("zh-CN;q=0.5, en;q=0.8"));
        assertEquals(Language.ZH, Language.of("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(Language.ZH, Language.of("fr"));
        assertEquals(Language.ZH, Language.of("en;q=0"));
        assertEquals(Language.ZH, Language.of("*"));
    }

    private static Set<String> arguments(String template) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(template);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}

package org.canbao.platform.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.canbao.contracts.CategoryNames;
import org.canbao.contracts.IdNumber;

/**
 * The one catalog of what Canbao says to callers: {@code messages_zh.properties} and {@code messages_en.properties}
 * (UTF-8) beside this class, a template per code in each, with {@code {0}}, {@code {1}}, … for the arguments.
 * Rendering masks anything shaped like an ID number, since arguments echo what a caller sent.
 */
public final class Messages {
    static final String FIELD_NAME = "field-name.";
    static final String DEPARTMENT = "department.";
    static final String CATEGORY = "category.";
    private static final Map<Language, Properties> CATALOG = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            CATALOG.put(language, load("messages_" + language.name().toLowerCase(java.util.Locale.ROOT) + ".properties"));
        }
    }

    private Messages() {
    }

    private static Properties load(String name) {
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("message catalog " + name + " is missing");
            }
            Properties templates = new Properties();
            templates.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every code of the catalog, in either language. */
    public static Set<String> codes() {
        Set<String> codes = new TreeSet<>();
        CATALOG.values().forEach(p -> codes.addAll(p.stringPropertyNames()));
        return codes;
    }

    /** The raw template of {@code code}, or null when the language has none. */
    public static String template(Language language, String code) {
        return CATALOG.get(language).getProperty(code);
    }

    public static String render(Language language, Message message) {
        String template = template(language, message.code());
        if (template == null) {
            String name = name(language, message.code());
            if (name != null) {
                return name;
            }
        }
        if (template == null) {
            // a code without a template is a bug the catalog test catches; the caller still learns the code
            template = message.code() + (message.args().isEmpty() ? "" : ": {all}");
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i) {
                String key = template.substring(i + 1, close);
                if (key.equals("all")) {
                    out.append(String.join("; ", message.args().stream().map(a -> text(language, a)).toList()));
                    i = close;
                    continue;
                }
                if (key.chars().allMatch(Character::isDigit) && !key.isEmpty()) {
                    int index = Integer.parseInt(key);
                    out.append(index < message.args().size() ? text(language, message.args().get(index)) : "");
                    i = close;
                    continue;
                }
            }
            out.append(c);
        }
        return IdNumber.scrub(out.toString());
    }

    /** A name the catalog need not list: a field or department keeps its own, a category has its Chinese one. */
    private static String name(Language language, String code) {
        if (code.startsWith(CATEGORY)) {
            String category = code.substring(CATEGORY.length());
            return language == Language.ZH ? CategoryNames.chinese(category) : category;
        }
        for (String prefix : new String[] {FIELD_NAME, DEPARTMENT}) {
            if (code.startsWith(prefix)) {
                return code.substring(prefix.length());
            }
        }
        return null;
    }

    private static String text(Language language, Object arg) {
        return arg instanceof Message nested ? render(language, nested) : String.valueOf(arg);
    }
}

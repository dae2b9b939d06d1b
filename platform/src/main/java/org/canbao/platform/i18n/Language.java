package org.canbao.platform.i18n;

import java.util.Locale;

/**
 * The languages Canbao answers in: Chinese for the county clerks, English when a caller's {@code Accept-Language}
 * prefers it. Anything else, or no header, is Chinese.
 */
public enum Language {
    ZH, EN;

    /** The language an {@code Accept-Language} header asks for: the English range of the highest weight wins over Chinese only when its weight is higher. */
    public static Language of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ZH;
        }
        double english = -1;
        double other = -1;
        for (String range : acceptLanguage.split(",")) {
            String[] parts = range.trim().split(";");
            String tag = parts[0].trim().toLowerCase(Locale.ROOT);
            double weight = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(p.substring(2).trim());
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            if (weight <= 0 || tag.isEmpty()) {
                continue;
            }
            if (tag.equals("en") || tag.startsWith("en-")) {
                english = Math.max(english, weight);
            } else {
                other = Math.max(other, weight);
            }
        }
        return english > other ? EN : ZH;
    }
}

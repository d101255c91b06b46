package workbook.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simplest useful word tokenizer: lower-case, then the runs of letters and digits, keeping an apostrophe
 * between letters ({@code "Didn't"} → {@code "didn't"}, so a negation stays one word). Punctuation, symbols and
 * white space separate words and are dropped.
 * <pre>{@code
 * List<String> tokens = WordTokenizer.tokenize("Not bad at all -- I'd go back!");
 * // [not, bad, at, all, i'd, go, back]
 * }</pre>
 */
public final class WordTokenizer {

    private WordTokenizer() {
    }

    public static List<String> tokenize(String text) {
        if (text == null) {
            throw new IllegalArgumentException("cannot tokenize null: expected a string (an empty one gives no tokens)");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int k = 0; k < lower.length(); k++) {
            char ch = lower.charAt(k);
            boolean apostropheInsideWord = (ch == '\'' || ch == '’') && word.length() > 0
                    && k + 1 < lower.length() && Character.isLetter(lower.charAt(k + 1));
            if (Character.isLetterOrDigit(ch)) {
                word.append(ch);
            } else if (apostropheInsideWord) {
                word.append('\'');
            } else if (word.length() > 0) {
                tokens.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
    }
}

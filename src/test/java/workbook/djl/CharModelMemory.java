package workbook.djl;

import workbook.data.Datasets;

import java.util.Locale;

/**
 * The language model of notebook 10 on the whole of Pride and Prejudice, run in a small heap by
 * {@link CharLanguageModelMemoryTest}: built on the whole text (every character held as an id), the validation
 * perplexity over all of its sequences (one-hot batches made and dropped), a sample.
 */
public final class CharModelMemory {

    private CharModelMemory() {
    }

    public static void main(String[] args) {
        String text = Datasets.pridePrejudice();
        try (CharLanguageModel lm = CharLanguageModel.recipe(text).seed(42).build()) {
            double validation = lm.validationPerplexity();
            System.out.printf(Locale.ROOT, "characters %d, vocabulary %d, validation perplexity %.3f%n",
                    text.length(), lm.vocabulary().length(), validation);
            System.out.println("sample " + lm.sample("It is a truth", 20, 1.0, 1).length());
        }
    }
}

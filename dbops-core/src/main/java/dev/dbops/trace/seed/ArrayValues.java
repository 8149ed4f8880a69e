package dev.dbops.trace.seed;

import java.util.SplittableRandom;

/**
 * Arrays of any supported element type, as one-dimensional array literals with every element
 * double-quoted: one to four random elements, or a single element of the element type's injective
 * sequence (so that distinct {@code n} give distinct, and for {@code &&} non-overlapping, arrays).
 */
final class ArrayValues implements ValueGenerator {

    private final ValueGenerator element;
    private final CopyBuffer scratch = CopyBuffer.raw();
    private final StringBuilder literal = new StringBuilder();

    ArrayValues(ValueGenerator element) {
        this.element = element;
    }

    @Override
    public long cardinality() {
        return element.cardinality();
    }

    @Override
    public void random(SplittableRandom random, CopyBuffer out) {
        int count = 1 + random.nextInt(4);
        literal.setLength(0);
        literal.append('{');
        for (int i = 0; i < count; i++) {
            element.random(random, scratch);
            appendElement(i);
        }
        out.text(literal.append('}').toString());
    }

    @Override
    public void nth(long n, CopyBuffer out) {
        literal.setLength(0);
        literal.append('{');
        element.nth(n, scratch);
        appendElement(0);
        out.text(literal.append('}').toString());
    }

    private void appendElement(int index) {
        String text = scratch.takeText();
        if (index > 0) {
            literal.append(',');
        }
        literal.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                literal.append('\\');
            }
            literal.append(c);
        }
        literal.append('"');
    }
}

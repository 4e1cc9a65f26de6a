package fr.achatlas.parse;

/**
 * A JSON number in a record tree, kept as its source text: the mapper decides the target type (BigDecimal, int) and a
 * text keeps every digit of amounts. Distinguishes numbers from strings when the tree is written back as JSON.
 */
record JsonNumberText(String text) {
    @Override
    public String toString() {
        return text;
    }
}

package fr.achatlas.classify;

/** What is classified: a contract ({@code contract.contract_key}) or a spending line ({@code spending_line.line_key}). */
public enum SubjectKind {
    CONTRACT, SPENDING_LINE
}

package fr.achatlas.store;

/** What one import batch did to the store. read = loaded + duplicates + rejected, always. */
public record BatchCounts(int batchId, long read, long loaded, long duplicates, long rejected, long newModifications,
                          Integer sameContentAs) {
}

package fr.achatlas.export;

public enum ExportFormat { CSV, XLSX, PARQUET, JSON }

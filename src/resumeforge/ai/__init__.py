"""The AI engine: job analysis, grounded résumé tailoring, cover letters and their report."""

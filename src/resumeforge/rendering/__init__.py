"""Rendering: a `Resume` or `CoverLetter` in, a professional PDF (Typst) or DOCX out.

The entry points live in `service`; `layout` turns the résumé into printable sections once,
so the PDF and DOCX of a template carry the same words in the same order.
"""

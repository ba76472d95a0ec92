"""A generated corpus of fictional résumés with exact truth, rendered through many engines.

`factory` makes the people (seeded, so a family's documents are the same on every machine),
one module per engine renders them, `families` names the layouts and whether the parser may be
tuned on them, `build` writes them to `.data/layouts/` (cached by a hash of this package),
`scoring` compares a parse with the truth by the rules of the shared `parse_eval.py`, and
`retention` counts the words of an upload that reach the PDF rendered from its parse.
"""

"""resumeforge: tailored résumés and cover letters that never invent a fact."""

__version__ = "0.1.0"

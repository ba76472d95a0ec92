"""Generations: paid, durable runs of the tailoring flow, their progress and their files."""

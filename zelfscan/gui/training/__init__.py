"""Training mode: demo personas, the presenter view, "volgende deelnemer" and the blank paper
version, for trainers who run Zelfscan in induction sessions on a projector.

Everything here stays in memory; the only file ever written is a PDF the trainer saves.
"""

"""Synoptic's terminal app and command line. Uses `aligner`; `aligner` never imports this."""

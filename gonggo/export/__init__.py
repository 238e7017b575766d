"""Specs → what engines and people consume: rule configs, a reference simulator, review pages."""

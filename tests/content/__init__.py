"""Tests of the content model, the loader and the validation rules."""

"""Pure domain model and rules: pydantic models and functions, no I/O, no Qt, no SQL."""

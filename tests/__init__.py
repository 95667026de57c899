"""botaudit tests."""

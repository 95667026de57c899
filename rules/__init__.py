"""Rule and detector definitions, shipped in the wheel as auditor._rules."""

def format_pipeline(records: list[dict]) -> str:
    return "\n".join(f"{r['Name']}: {r['Amount']}" for r in records)

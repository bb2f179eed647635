"""The corpus store: ingest reports and merge them into one record of who arms whom."""

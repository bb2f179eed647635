"""`armswatch serve`: the REST API and the web workspace over one corpus store."""

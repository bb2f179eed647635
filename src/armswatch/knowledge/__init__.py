"""Knowledge bases that armswatch reads from its bundled data files."""

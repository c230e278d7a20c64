"""migkg's library: documents in, knowledge graph out (stages listed in graph/pipeline.py)."""

# The entity base of build and serve alike; defined here, not in graph.refs, so that
# `migkg query` starts without graph.refs' imports.
DEFAULT_BASE = "https://w3id.org/migkg/id/"

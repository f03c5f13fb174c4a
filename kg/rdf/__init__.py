"""RDF output: the Hadath vocabulary, instance IRIs, graph building, stores and queries."""

"""The `st.*` commands, one module per family. Elements build nodes; they never write HTML."""

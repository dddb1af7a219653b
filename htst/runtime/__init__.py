"""The script runtime: runs a script for a session and records what it drew. No Flask here."""

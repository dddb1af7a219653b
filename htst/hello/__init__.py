"""The demo app shown by `htst hello`."""

"""Real HTTP servers used by the tests (no mocks): see scripted.py."""

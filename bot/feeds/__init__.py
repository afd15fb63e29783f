"""RSS and Atom feeds: the list of feeds, and the poller that ingests their new items."""

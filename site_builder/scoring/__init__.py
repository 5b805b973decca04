"""Points, leaderboards, transparency metrics and skill matching: computed from the published
findings only, so no public number can reveal an embargoed finding."""

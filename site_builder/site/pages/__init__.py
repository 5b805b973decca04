"""The site's pages, one module per part a visitor sees: home (with search and challenges),
programs (with their rules), policies, findings, people (hunters) and boards (leaderboards and
charts). Each page is built from a typed view and rendered by a template in `../templates`;
`core` holds what they share."""

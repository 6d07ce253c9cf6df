"""Training the project's own small learned components from the team's gold data."""

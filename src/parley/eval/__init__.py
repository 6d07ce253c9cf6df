"""Scorers: every extractor's accuracy, reproducible from gold files (``parley eval``)."""

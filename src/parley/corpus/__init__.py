"""Cross-article analysis: comparing what many articles report (claims, and later duplicates and merges)."""
